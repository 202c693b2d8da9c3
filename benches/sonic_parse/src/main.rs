//! `sonic-parse FILE`: parses each line of FILE into a `sonic_rs::Value`, reading the file as
//! `examples/validate --ndjson` does (buffered, a line at a time), and prints how many lines
//! parsed and how many did not. The baseline the validator is compared with.

use std::io::BufRead;

/// The allocator the validator is built with, so that both sides allocate alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: sonic-parse FILE");
    let file = std::fs::File::open(&path).expect("open the input");
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::new();
    let (mut ok, mut bad) = (0usize, 0usize);
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => panic!("read: {e}"),
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match sonic_rs::from_slice::<sonic_rs::Value>(&line) {
            Ok(v) => {
                std::hint::black_box(&v);
                ok += 1;
            }
            Err(_) => bad += 1,
        }
    }
    println!("{ok} parsed, {bad} not");
}
