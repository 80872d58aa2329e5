use std::fmt;

/// The four lanes of a service blueprint, top to bottom (DOMAIN.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    Customer,
    Frontstage,
    Backstage,
    Support,
}

/// The three lines that separate the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Line {
    /// customer | frontstage
    Interaction,
    /// frontstage | backstage
    Visibility,
    /// backstage | support
    InternalInteraction,
}

impl Lane {
    pub const ALL: [Lane; 4] = [
        Lane::Customer,
        Lane::Frontstage,
        Lane::Backstage,
        Lane::Support,
    ];

    /// The spellings accepted in YAML. `onstage` is the older name for frontstage.
    pub const SPELLINGS: [&'static str; 5] =
        ["customer", "frontstage", "onstage", "backstage", "support"];

    pub fn parse(text: &str) -> Option<Lane> {
        match text {
            "customer" => Some(Lane::Customer),
            "frontstage" | "onstage" => Some(Lane::Frontstage),
            "backstage" => Some(Lane::Backstage),
            "support" => Some(Lane::Support),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Customer => "customer",
            Lane::Frontstage => "frontstage",
            Lane::Backstage => "backstage",
            Lane::Support => "support",
        }
    }

    /// Position from the top of the blueprint.
    pub fn depth(self) -> usize {
        self as usize
    }

    /// True for the lanes the customer can see: customer actions and frontstage.
    pub fn is_visible(self) -> bool {
        matches!(self, Lane::Customer | Lane::Frontstage)
    }

    /// The lines a flow between these two lanes crosses, top to bottom.
    pub fn lines_between(self, other: Lane) -> Crossings {
        let (top, bottom) = if self.depth() <= other.depth() {
            (self.depth(), other.depth())
        } else {
            (other.depth(), self.depth())
        };
        Crossings {
            interaction: top == 0 && bottom >= 1,
            visibility: top <= 1 && bottom >= 2,
            internal_interaction: top <= 2 && bottom >= 3,
        }
    }
}

impl fmt::Display for Lane {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of the three lines a flow crosses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Crossings {
    pub interaction: bool,
    pub visibility: bool,
    pub internal_interaction: bool,
}

impl Crossings {
    pub fn any(self) -> bool {
        self.interaction || self.visibility || self.internal_interaction
    }

    pub fn lines(self) -> impl Iterator<Item = Line> {
        [
            (self.interaction, Line::Interaction),
            (self.visibility, Line::Visibility),
            (self.internal_interaction, Line::InternalInteraction),
        ]
        .into_iter()
        .filter_map(|(crossed, line)| crossed.then_some(line))
    }
}

impl Line {
    pub fn as_str(self) -> &'static str {
        match self {
            Line::Interaction => "line of interaction",
            Line::Visibility => "line of visibility",
            Line::InternalInteraction => "line of internal interaction",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onstage_is_frontstage() {
        assert_eq!(Lane::parse("onstage"), Some(Lane::Frontstage));
        assert_eq!(Lane::parse("Frontstage"), None);
    }

    #[test]
    fn crossings_follow_lane_order() {
        let c = Lane::Customer.lines_between(Lane::Support);
        assert!(c.interaction && c.visibility && c.internal_interaction);
        let c = Lane::Backstage.lines_between(Lane::Frontstage);
        assert_eq!(
            c.lines().collect::<Vec<_>>(),
            vec![Line::Visibility],
            "frontstage and backstage are separated by the line of visibility only"
        );
        assert!(!Lane::Support.lines_between(Lane::Support).any());
    }
}
