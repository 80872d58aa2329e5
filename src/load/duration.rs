//! Human durations: `90s`, `5m`, `1h30m`, `2d`.

/// Seconds in a duration written as numbers with units, largest unit first, each unit
/// at most once (`1h30m`, `90s`, `2d4h`). A bare `0` is zero.
pub fn parse_duration(text: &str) -> Option<u64> {
    let text = text.trim();
    if text == "0" {
        return Some(0);
    }
    const UNITS: [(char, u64); 4] = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];
    let mut total: u64 = 0;
    let mut digits = String::new();
    // Index into UNITS of the next unit allowed: enforces order and no repeats.
    let mut next_unit = 0;
    let mut seen_unit = false;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        let position = UNITS[next_unit..]
            .iter()
            .position(|(unit, _)| *unit == ch)?;
        if digits.is_empty() {
            return None;
        }
        let (_, seconds) = UNITS[next_unit + position];
        let amount: u64 = digits.parse().ok()?;
        total = total.checked_add(amount.checked_mul(seconds)?)?;
        digits.clear();
        next_unit += position + 1;
        seen_unit = true;
    }
    (seen_unit && digits.is_empty()).then_some(total)
}

/// The shortest spelling of a number of seconds in the same notation.
pub fn format_duration(seconds: u64) -> String {
    if seconds == 0 {
        return "0s".to_owned();
    }
    let mut rest = seconds;
    let mut out = String::new();
    for (unit, size) in [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)] {
        let amount = rest / size;
        rest %= size;
        if amount > 0 {
            out.push_str(&amount.to_string());
            out.push(unit);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_forms() {
        assert_eq!(parse_duration("90s"), Some(90));
        assert_eq!(parse_duration("5m"), Some(300));
        // 1 h = 3600 s, 30 m = 1800 s
        assert_eq!(parse_duration("1h30m"), Some(5_400));
        assert_eq!(parse_duration("2d"), Some(172_800));
        assert_eq!(parse_duration("0"), Some(0));
        assert_eq!(parse_duration("1m30s"), Some(90));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "5",
            "m",
            "5 min",
            "30m1h",
            "1h1h",
            "1.5h",
            "-5m",
            "5mm",
            "h5",
            "99999999999999999999s",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn formats_back() {
        assert_eq!(format_duration(5_400), "1h30m");
        assert_eq!(format_duration(90), "1m30s");
        assert_eq!(format_duration(0), "0s");
    }
}
