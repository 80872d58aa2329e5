/// The numbers rules compare against. Each has a documented default; a configuration
/// file can override them later without touching the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    /// A fail point is high-risk at or above this RPN. Default 125 = 5 x 5 x 5: on
    /// average every factor is at or past the middle of its 1-10 scale.
    pub high_rpn: u16,
    /// A fail point this severe is high-risk whatever its RPN (DOMAIN.md §2: "a very
    /// high severity matters even when RPN is low"). Default 9.
    pub critical_severity: u8,
    /// A support step that this many customer-facing steps rely on is a single point
    /// of failure when it has no declared fail point or prevention. Default 3.
    pub single_point_dependants: usize,
    /// Contacts that only move the customer to another channel or member of staff a
    /// journey may have before it has more contacts than needed. Default 1.
    pub max_transfer_contacts: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            high_rpn: 125,
            critical_severity: 9,
            single_point_dependants: 3,
            max_transfer_contacts: 1,
        }
    }
}
