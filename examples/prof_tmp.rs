fn main() {
    let b = std::fs::read("tests/fixtures/2021/valid/sample-city-government-2022.json").unwrap();
    let r = zfxxgk::json::from_slice(&b).unwrap();
    let mut n = 0;
    for _ in 0..2000 {
        let x = zfxxgk::json::from_slice(&b).unwrap();
        n += x.year() as usize;
    }
    for _ in 0..20000 {
        n += zfxxgk::validate::validate(&r).findings.len();
    }
    println!("{n}");
}
