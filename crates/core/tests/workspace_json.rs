//! Property: any workspace → JSON document → workspace gives it back equal.
//! Workspaces are drawn at random from the demo's shape: every text
//! replaced by random Unicode (quotes, backslashes, control characters,
//! emoji, right-to-left text), every fraction by a random finite number of
//! any magnitude, every count by a random count, tables shuffled, cut and
//! repeated — 300 cases from fixed seeds, so a failure names its seed.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use greychart_core::demo::demo_workspace;
use greychart_core::export::{parse_workspace_json, workspace_json};
use greychart_core::model::WorkspaceData;
use serde_json::Value;

/// xorshift64*: small, seeded, good enough to draw test data.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            " ",
            "\"",
            "\\",
            "\n",
            "\t",
            "\u{0}",
            "\u{1f}",
            "é",
            "Дмитрий",
            "שלום",
            "😀",
            "\u{2028}",
            "</script>",
            "{\"x\":1}",
            "%s",
            "\u{feff}",
        ];
        (0..self.below(12)).map(|_| PIECES[self.below(PIECES.len() as u64) as usize]).collect()
    }
    fn number(&mut self) -> f64 {
        let raw = f64::from_bits(self.next());
        if raw.is_finite() {
            raw
        } else {
            self.below(1_000_000) as f64 / 7.0
        }
    }
}

/// Does a text hold something other than a date or an enum's name (which
/// must keep their shape to be read back)?
fn free_text(s: &str) -> bool {
    let date = s.len() == 10 && s.as_bytes()[4] == b'-' && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
    let enum_name = !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    !date && !enum_name
}

fn scramble(value: &mut Value, draw: &mut Draw) {
    match value {
        Value::String(s) if free_text(s) => *s = draw.text(),
        Value::Number(n) if n.is_f64() => *value = Value::from(draw.number()),
        Value::Number(n) if n.is_u64() => *value = Value::from(draw.below(100_000)),
        Value::Array(items) => {
            for item in items.iter_mut() {
                scramble(item, draw);
            }
            if items.len() > 1 {
                let at = draw.below(items.len() as u64) as usize;
                match draw.below(4) {
                    0 => items.truncate(at),
                    1 => items.rotate_left(at),
                    2 => items.push(items[0].clone()),
                    _ => {}
                }
            }
        }
        Value::Object(fields) => {
            for (_, field) in fields.iter_mut() {
                scramble(field, draw);
            }
        }
        _ => {}
    }
}

#[test]
fn any_workspace_comes_back_equal_from_its_json_document() {
    let demo = serde_json::to_value(demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())).unwrap();
    for seed in 1..=300u64 {
        let mut draw = Draw(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut value = demo.clone();
        scramble(&mut value, &mut draw);
        let data: WorkspaceData =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("seed {seed}: drawn badly: {e}"));
        let text = workspace_json(&data, true).unwrap();
        let back = parse_workspace_json("w.json", &text).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        if back != data {
            let (a, b) = (format!("{data:#?}"), format!("{back:#?}"));
            let differ: Vec<_> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(3).collect();
            panic!("seed {seed}: the workspace changed on the way through JSON: {differ:#?}");
        }
    }
}
