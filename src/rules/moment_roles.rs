//! Which moments of truth each step takes part in, on which side, and how to say so in
//! a finding. Computed once per file by `Context::roles`; the moment-of-truth rules
//! (BP301-BP305), `fail-point-without-recovery` (which leaves these steps to BP304) and
//! `pass-through-step` all read the same roles. Not a rule itself.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

use crate::analysis::Moment;
use crate::graph::BlueprintGraph;

/// The moments of truth each step takes part in, as indices into the cycle of service
/// (`Context::moments`), so in journey order. One pass over the moments.
pub(super) struct Roles {
    /// Indexed by node: moments whose company side (`contact`) is this step.
    pub contact: Vec<Vec<usize>>,
    /// Indexed by node: moments whose customer side (`customer`) is this step.
    pub customer: Vec<Vec<usize>>,
}

impl Roles {
    pub fn new(graph: &BlueprintGraph<'_>, moments: &[Moment]) -> Self {
        let nodes = graph.graph.node_count();
        let mut roles = Roles {
            contact: vec![Vec::new(); nodes],
            customer: vec![Vec::new(); nodes],
        };
        for (i, moment) in moments.iter().enumerate() {
            roles.contact[moment.contact.index()].push(i);
            if let Some(customer) = moment.customer {
                roles.customer[customer.index()].push(i);
            }
        }
        roles
    }

    /// Steps that are the company side of at least one moment, in file order.
    pub fn contacts(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (0..self.contact.len())
            .filter(|&i| !self.contact[i].is_empty())
            .map(NodeIndex::new)
    }

    /// Steps that are the customer side of at least one moment, in file order.
    pub fn customers(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (0..self.customer.len())
            .filter(|&i| !self.customer[i].is_empty())
            .map(NodeIndex::new)
    }

    /// True when the step is either side of any moment.
    pub fn in_any(&self, node: NodeIndex) -> bool {
        !self.contact[node.index()].is_empty() || !self.customer[node.index()].is_empty()
    }
}

/// " (first contact of the journey, recovery moment after a fail point)" and the like:
/// the tags of the given moments, for a message, or an empty string when none apply.
/// DOMAIN.md §4: these contacts matter most, so the reader should see it at once.
pub(super) fn tag_clause(moments: &[Moment], indices: &[usize]) -> String {
    let has = |tag: fn(&Moment) -> bool| indices.iter().any(|&i| tag(&moments[i]));
    let (first, last, recovery) = (has(|m| m.first), has(|m| m.last), has(|m| m.recovery));
    let mut parts = Vec::new();
    match (first, last) {
        (true, true) => parts.push("first and last contact of the journey"),
        (true, false) => parts.push("first contact of the journey"),
        (false, true) => parts.push("last contact of the journey"),
        (false, false) => {}
    }
    if recovery {
        parts.push("recovery moment after a fail point");
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The steps on the other side of the given moments, in journey order without repeats,
/// and how many there are: "`a`", "`a` and `b`", "`a`, `b`, `c` and 2 more". `None`
/// when no moment has another side (a step marked `moment_of_truth: true` with no
/// contact flow).
pub(super) fn counterparts(
    graph: &BlueprintGraph<'_>,
    moments: &[Moment],
    indices: &[usize],
    node: NodeIndex,
) -> Option<(String, usize)> {
    const SHOWN: usize = 3;
    // A set, not `Vec::contains`: a hub step can take part in thousands of moments.
    let mut seen = HashSet::new();
    let mut others: Vec<NodeIndex> = Vec::new();
    for &i in indices {
        let moment = &moments[i];
        for other in [Some(moment.contact), moment.customer]
            .into_iter()
            .flatten()
        {
            if other != node && seen.insert(other) {
                others.push(other);
            }
        }
    }
    let names: Vec<String> = others
        .iter()
        .take(SHOWN)
        .map(|&n| format!("`{}`", graph.step(n).id.value))
        .collect();
    let rest = others.len().saturating_sub(SHOWN);
    let text = match (names.as_slice(), rest) {
        ([], _) => return None,
        ([one], _) => one.clone(),
        (shown, 0) => {
            let (last, init) = shown.split_last()?;
            format!("{} and {last}", init.join(", "))
        }
        (shown, rest) => format!("{} and {rest} more", shown.join(", ")),
    };
    Some((text, others.len()))
}

/// The annotation under a step that is one side of some moments: who it meets.
pub(super) fn meeting(
    graph: &BlueprintGraph<'_>,
    moments: &[Moment],
    indices: &[usize],
    node: NodeIndex,
    side: &str,
) -> String {
    match counterparts(graph, moments, indices, node) {
        Some((others, 1)) => format!("the {side} side of the contact with {others}"),
        Some((others, _)) => format!("the {side} side of the contacts with {others}"),
        None => "marked `moment_of_truth: true`".to_owned(),
    }
}
