//! The `minilateral` binary: read `.env`, parse the command line, run the mode.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Values already in the environment win over `.env`; a missing `.env` is normal.
    let _ = dotenvy::dotenv();
    minilateral::write::file_size_limit_as_error();
    minilateral::cli::run(minilateral::cli::Args::parse())
}
