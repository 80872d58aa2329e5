use crate::model::FailPoint;

/// Risk priority number, as in a service FMEA (DOMAIN.md §2): severity x occurrence x
/// detection, each 1-10, so 1 to 1000. `None` unless all three are scored.
pub fn rpn(fail_point: &FailPoint) -> Option<u16> {
    let severity = u16::from(fail_point.severity.as_ref()?.value);
    let occurrence = u16::from(fail_point.occurrence.as_ref()?.value);
    let detection = u16::from(fail_point.detection.as_ref()?.value);
    Some(severity * occurrence * detection)
}
