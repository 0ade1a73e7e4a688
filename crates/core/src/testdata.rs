//! For the core's unit tests only: the bundled dataset, as the shell hands it over (the files
//! read, nothing else done), so that every module's tests load it one way.

use crate::dataset::{DataText, Dataset};

/// The bundled dataset, loaded.
pub(crate) fn bundled() -> Dataset {
    let files = [
        DataText::new(
            "<bundled>/minilateral.json",
            include_str!("../../../data/minilateral.json"),
        ),
        DataText::source_text(
            "<bundled>/itc-2024.txt",
            include_str!("../../../data/itc-2024.txt"),
        ),
    ];
    Dataset::load(&files).expect("the bundled data loads")
}
