//! The floor under the HTTP endpoint: one Ed25519 verification (serenity's `Verifier`), and
//! the whole answer to a signed `/expert` request without HTTP (`cargo bench --bench verify`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ed25519_dalek::{Signer, SigningKey};
use minilateral::knowledge::Knowledge;
use minilateral::{datafiles, discord, endpoint};
use serenity::all::Interaction;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn verify(c: &mut Criterion) {
    let key = SigningKey::from_bytes(&[0x42; 32]);
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/02-command-expert-string-option.json"
    ))
    .unwrap();
    let signature = hex(&key
        .sign(&[b"1700000000".as_slice(), &body].concat())
        .to_bytes());
    let verifier = endpoint::verifier(Some(&hex(key.verifying_key().as_bytes()))).unwrap();
    let knowledge = Knowledge::new(datafiles::load(&datafiles::DataPath::Bundled).unwrap());

    c.bench_function("endpoint/ed25519_verify", |b| {
        b.iter(|| verifier.verify(black_box(&signature), "1700000000", black_box(&body)))
    });
    c.bench_function("endpoint/parse_answer_serialise", |b| {
        b.iter(|| {
            let interaction: Interaction = serde_json::from_slice(black_box(&body)).unwrap();
            let response = discord::respond(&knowledge, &interaction);
            black_box(serde_json::to_vec(&response.body).unwrap())
        })
    });
}

criterion_group!(benches, verify);
criterion_main!(benches);
