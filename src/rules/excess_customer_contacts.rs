use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{BlueprintGraph, EdgeKind};
use crate::model::{Lane, ValueClass};
use crate::span::Located;

pub(super) static RULE: Rule = Rule {
    code: "BP305",
    name: "excess-customer-contacts",
    severity: Severity::Warning,
    summary: "The journey has more contacts that only pass the customer on to other staff or another channel than it allows",
    docs: r#"## What it does
Counts the journey's *transfer contacts* and flags the journey once when there are more
than `max_transfer_contacts` (default 1): at the first transfer beyond the allowance,
with every other transfer labelled.

A transfer contact is a frontstage step that is the company's side of a moment of
truth, is not marked `value: value-adding`, and whose every flow onward hands the
customer to a frontstage step with a different actor or a different channel:

- directly (the agent puts the call through to another department, the greeter walks
  the customer to a desk), or
- through customer steps only (the agent tells the customer to go to a store; the
  customer ends the call and goes; the next member of staff the customer meets is the
  store clerk).

Actors and channels are compared as handoffs are: only when both steps name one.
Judgment calls, all on the side of staying silent:

- A contact marked `value-adding` is taken to resolve something (the customer would
  pay for it), so it is never a transfer; a contact with no value class is judged by
  its flows alone.
- Only frontstage contacts count: a backstage or support step the customer meets
  directly is work done on the request, not the customer being moved.
- A flow into backstage or support work, or to a customer step where the journey can
  finish, means the contact does more than move the customer: not a transfer.
- The contact is a transfer only if every member of staff the customer can meet next
  differs from it: a branch that comes back to the same actor on the same channel means
  the contact goes on. A menu that routes to several departments counts (up to four
  different actor-and-channel pairs; beyond that the rule stops tracking and stays
  silent).

The default allowance of 1 (`thresholds.max_transfer_contacts`) lets a journey route
the customer once (a lobby greeter, a switchboard, an IVR) without a finding; a second
transfer is one contact more than needed. The severity is a warning: extra contacts
cost the customer time and the company capacity, but whether each can be removed is a
design decision.

Transfers are counted in journey order. They are found in one pass: the staff each
customer step leads to next is propagated backwards along customer-to-customer flows,
and each step's answer changes at most five times, so the rule is linear in steps and
flows and never follows paths one by one.

## Why it matters
Every contact is a moment of truth (DOMAIN.md §4; Normann 1984; Carlzon 1987;
Albrecht's cycle of service, seed 001), and every contact that only passes the customer
on adds a wait, a repeat explanation and one more chance to fail. Seed 002 case 1: the
call centre sends the customer to a store for a SIM swap, and the store clerk tells
the customer the call centre does not know what it is doing (DOMAIN.md §2). Seed 004: fewer than half of the hotline's calls are resolved on the
first call, so most customers have to call again. The fewer hops between staff and
channels, the fewer moments of truth can go wrong.

## Example
```yaml
- id: call-hotline
  lane: customer
  label: Customer calls about a wrong bill
  channel: phone
  next: [agent-transfers]
- id: agent-transfers
  lane: frontstage
  label: First-line agent puts the call through to billing
  actor: First-line agent
  channel: phone
  next: [billing-agent-sends-to-store]
- id: billing-agent-sends-to-store
  lane: frontstage
  label: Billing agent says bills can only be corrected in a store
  actor: Billing agent
  channel: phone
  next: [go-to-store]
- id: go-to-store
  lane: customer
  label: Customer goes to a store
  channel: store
  next: [clerk-corrects-bill]
- id: clerk-corrects-bill
  lane: frontstage
  label: Store clerk corrects the bill
  actor: Store clerk
  channel: store
  value: value-adding
  next: [leave]
```

## Use instead
```yaml
- id: call-hotline
  lane: customer
  label: Customer calls about a wrong bill
  channel: phone
  next: [agent-corrects-bill]
- id: agent-corrects-bill
  lane: frontstage
  label: First-line agent corrects the bill during the call
  actor: First-line agent
  channel: phone
  value: value-adding
  uses: [billing-system]
  next: [hear-correction]
```
"#,
    check: Check::Graph(check),
};

/// Distinct kinds of staff (actor and channel) kept per customer step before giving up:
/// enough for a menu that routes to a few departments, and it keeps the pass linear.
const MAX_STAFF: usize = 4;

/// Where the customer goes next from a customer step, before meeting the company again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Not known yet (or a loop of customer steps that never meets the company).
    Unknown,
    /// Every way on meets frontstage staff: one step for each distinct actor and
    /// channel met, in the first `len` slots.
    Staff {
        steps: [NodeIndex; MAX_STAFF],
        len: usize,
    },
    /// Work behind the line of visibility, a place where the journey can finish, or
    /// more kinds of staff than `MAX_STAFF`.
    Other,
}

impl Next {
    fn staff(step: NodeIndex) -> Next {
        let mut steps = [NodeIndex::end(); MAX_STAFF];
        steps[0] = step;
        Next::Staff { steps, len: 1 }
    }
}

/// The actor and channel of a step, as handoffs compare them (trimmed).
fn who<'a>(graph: &BlueprintGraph<'a>, node: NodeIndex) -> (Option<&'a str>, Option<&'a str>) {
    fn text(value: Option<&Located<String>>) -> Option<&str> {
        value.map(|v| v.value.trim())
    }
    let step = graph.step(node);
    (text(step.actor.as_ref()), text(step.channel.as_ref()))
}

/// Both ways on, together. Staff already known keeps its step, so an answer changes
/// only when a new kind of staff appears (at most `MAX_STAFF` + 1 times in all).
fn join(graph: &BlueprintGraph<'_>, a: Next, b: Next) -> Next {
    match (a, b) {
        (Next::Unknown, x) | (x, Next::Unknown) => x,
        (Next::Other, _) | (_, Next::Other) => Next::Other,
        (
            Next::Staff { mut steps, mut len },
            Next::Staff {
                steps: more,
                len: more_len,
            },
        ) => {
            for &step in &more[..more_len] {
                if steps[..len]
                    .iter()
                    .any(|&s| who(graph, s) == who(graph, step))
                {
                    continue;
                }
                if len == MAX_STAFF {
                    return Next::Other;
                }
                steps[len] = step;
                len += 1;
            }
            Next::Staff { steps, len }
        }
    }
}

/// What a flow into `to` says about where the customer goes: to frontstage staff, or
/// somewhere else. A customer step is answered by `next_staff`.
fn into(graph: &BlueprintGraph<'_>, to: NodeIndex) -> Next {
    match graph.lane(to) {
        Lane::Frontstage => Next::staff(to),
        Lane::Customer => Next::Unknown,
        Lane::Backstage | Lane::Support => Next::Other,
    }
}

/// For every customer step: the frontstage staff the customer meets next, through
/// customer steps only. Each step starts from its own flows out of the customer lane
/// (`Other` if the journey can finish there); answers are then pushed backwards along
/// customer-to-customer flows. An answer only grows, a bounded number of times, so
/// the pass is linear in steps and flows.
fn next_staff(graph: &BlueprintGraph<'_>) -> Vec<Next> {
    let mut next = vec![Next::Unknown; graph.graph.node_count()];
    let mut queue = VecDeque::new();
    for node in graph.nodes() {
        if graph.lane(node) != Lane::Customer {
            continue;
        }
        let mut value = Next::Unknown;
        let mut onward = false;
        for to in graph.next(node).filter(|&to| to != node) {
            onward = true;
            value = join(graph, value, into(graph, to));
        }
        if !onward {
            value = Next::Other;
        }
        next[node.index()] = value;
        if value != Next::Unknown {
            queue.push_back(node);
        }
    }
    while let Some(node) = queue.pop_front() {
        let value = next[node.index()];
        for (_, from, _) in graph.edges(node, EdgeKind::Flow, Direction::Incoming) {
            if from == node || graph.lane(from) != Lane::Customer {
                continue;
            }
            let joined = join(graph, next[from.index()], value);
            if joined != next[from.index()] {
                next[from.index()] = joined;
                queue.push_back(from);
            }
        }
    }
    next
}

/// The staff a contact step passes the customer on to, when it is a transfer contact
/// (see the docs): every kind of staff met next differs in actor or channel.
fn transfer_targets(
    graph: &BlueprintGraph<'_>,
    next: &[Next],
    contact: NodeIndex,
) -> Option<Vec<NodeIndex>> {
    if graph.lane(contact) != Lane::Frontstage {
        return None;
    }
    let step = graph.step(contact);
    if step
        .value
        .as_ref()
        .is_some_and(|v| v.value == ValueClass::ValueAdding)
    {
        return None;
    }
    let mut onward = Next::Unknown;
    for to in graph.next(contact).filter(|&to| to != contact) {
        let answer = match graph.lane(to) {
            Lane::Customer => next[to.index()],
            _ => into(graph, to),
        };
        // A loop of customer steps that never meets the company: not a transfer.
        let answer = if answer == Next::Unknown {
            Next::Other
        } else {
            answer
        };
        onward = join(graph, onward, answer);
    }
    let Next::Staff { steps, len } = onward else {
        return None;
    };
    let (actor, channel) = who(graph, contact);
    let differs = |a: Option<&str>, b: Option<&str>| matches!((a, b), (Some(a), Some(b)) if a != b);
    let targets = &steps[..len];
    targets
        .iter()
        .all(|&target| {
            let (next_actor, next_channel) = who(graph, target);
            differs(actor, next_actor) || differs(channel, next_channel)
        })
        .then(|| targets.to_vec())
}

/// "`clerk` (phone -> store, Call-centre agent -> Store clerk)": where the customer is
/// sent and what changes for them.
fn sent_to(graph: &BlueprintGraph<'_>, from: NodeIndex, to: NodeIndex) -> String {
    let ((actor, channel), (next_actor, next_channel)) = (who(graph, from), who(graph, to));
    let mut changes = Vec::new();
    for (a, b) in [(channel, next_channel), (actor, next_actor)] {
        if let (Some(a), Some(b)) = (a, b)
            && a != b
        {
            changes.push(format!("{a} -> {b}"));
        }
    }
    format!("`{}` ({})", graph.step(to).id.value, changes.join(", "))
}

/// "`a`, `b` and `c`", or "`a`, `b`, `c`, `d`, `e` and 7 more": the transfer contacts,
/// named in the message so that output without labels (JSON) still lists them.
fn list(graph: &BlueprintGraph<'_>, transfers: &[(NodeIndex, Vec<NodeIndex>)]) -> String {
    const SHOWN: usize = 5;
    let names: Vec<String> = transfers
        .iter()
        .take(SHOWN)
        .map(|(contact, _)| format!("`{}`", graph.step(*contact).id.value))
        .collect();
    let rest = transfers.len().saturating_sub(SHOWN);
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) if rest == 0 => format!("{} and {last}", init.join(", ")),
        Some(_) => format!("{} and {rest} more", names.join(", ")),
    }
}

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let allowance = context.thresholds.max_transfer_contacts;
    let roles = context.roles();
    let next = next_staff(graph);
    let mut transfers: Vec<(NodeIndex, Vec<NodeIndex>)> = roles
        .contacts()
        .filter_map(|contact| Some((contact, transfer_targets(graph, &next, contact)?)))
        .collect();
    if transfers.len() <= allowance {
        return Vec::new();
    }
    let journey = context.journey();
    transfers.sort_by_key(|(contact, _)| journey.order_key(*contact));

    let total = transfers.len();
    let describe = |number: usize, contact: NodeIndex, targets: &[NodeIndex]| {
        let sent: Vec<String> = targets
            .iter()
            .map(|&t| sent_to(graph, contact, t))
            .collect();
        format!(
            "transfer {number} of {total}: sends the customer on to {}",
            sent.join(" or ")
        )
    };
    let (contact, targets) = &transfers[allowance];
    let step = graph.step(*contact);
    let mut finding = RULE
        .finding(
            step.id.span,
            format!(
                "{total} contacts only pass the customer on to other staff or another channel, more than the {allowance} allowed: {}",
                list(graph, &transfers)
            ),
        )
        .annotate(describe(allowance + 1, *contact, targets))
        .step(step.id.value.clone())
        .help("resolve the request at the contact the customer already has (give that member of staff the authority, record or system it needs), or hand over the case instead of the customer; every extra contact is one more moment of truth that can fail");
    for (i, (other, targets)) in transfers.iter().enumerate() {
        if i != allowance {
            finding = finding.label(graph.step(*other).id.span, describe(i + 1, *other, targets));
        }
    }
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::blueprint;
    use crate::rules::Thresholds;

    /// The transfer contacts of a blueprint, in journey order, with no allowance.
    fn transfers(yaml: &str) -> Vec<String> {
        let blueprint = blueprint(yaml);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let thresholds = Thresholds {
            max_transfer_contacts: 0,
            ..Thresholds::default()
        };
        let context = Context::new(&graph, &thresholds);
        let findings = check(&context);
        let Some(finding) = findings.first() else {
            return Vec::new();
        };
        // With no allowance the finding is at the first transfer and the labels, on
        // the ids of the others, are the rest.
        let mut steps: Vec<String> = finding.step.iter().cloned().collect();
        steps.extend(
            finding
                .labels
                .iter()
                .map(|label| yaml[label.span.start..label.span.end].to_owned()),
        );
        steps
    }

    #[test]
    fn a_menu_routing_to_two_departments_is_one_transfer() {
        // menu -> (pick-a -> agent-a | pick-b -> agent-b): both agents differ from the
        // menu, so the menu is a transfer although the branches lead to different staff.
        let found = transfers(
            "
blueprint: 1
name: Menu
steps:
  - {id: call, lane: customer, label: Calls, next: [menu]}
  - {id: menu, lane: frontstage, label: Menu, actor: IVR, channel: phone, next: [pick-a, pick-b]}
  - {id: pick-a, lane: customer, label: Picks A, next: [agent-a]}
  - {id: pick-b, lane: customer, label: Picks B, next: [agent-b]}
  - {id: agent-a, lane: frontstage, label: A, actor: Agent A, channel: phone, value: value-adding, next: [done]}
  - {id: agent-b, lane: frontstage, label: B, actor: Agent B, channel: phone, value: value-adding, next: [done]}
  - {id: done, lane: customer, label: Done}
",
        );
        assert_eq!(found, ["menu"]);
    }

    #[test]
    fn a_branch_back_to_the_same_staff_or_to_a_finish_is_no_transfer() {
        // ask -> answer -> (ask again | clerk in the store): one way on comes back to
        // the same agent on the same channel. sender -> leave: the journey can finish.
        let found = transfers(
            "
blueprint: 1
name: Ask again
steps:
  - {id: call, lane: customer, label: Calls, next: [ask]}
  - {id: ask, lane: frontstage, label: Asks, actor: Agent, channel: phone, next: [answer]}
  - {id: answer, lane: customer, label: Answers, channel: phone, next: [ask, go]}
  - {id: go, lane: customer, label: Goes, channel: store, next: [clerk]}
  - {id: clerk, lane: frontstage, label: Clerk, actor: Clerk, channel: store, next: [leave, sender]}
  - {id: sender, lane: frontstage, label: Sends on, actor: Clerk, channel: store, next: [leave]}
  - {id: leave, lane: customer, label: Leaves}
",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_loop_of_customer_steps_and_unnamed_actors_give_no_transfer() {
        // agent -> wander <-> wonder, a loop of customer steps with an exit to a
        // frontstage step naming no actor and no channel: nothing to compare.
        let found = transfers(
            "
blueprint: 1
name: Loop
steps:
  - {id: call, lane: customer, label: Calls, next: [agent]}
  - {id: agent, lane: frontstage, label: Agent, actor: Agent, channel: phone, next: [wander]}
  - {id: wander, lane: customer, label: Wanders, next: [wonder]}
  - {id: wonder, lane: customer, label: Wonders, next: [wander, someone]}
  - {id: someone, lane: frontstage, label: Someone, next: [leave]}
  - {id: leave, lane: customer, label: Leaves}
",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn more_kinds_of_staff_than_tracked_is_no_transfer() {
        // The menu leads to five different agents: past MAX_STAFF the rule gives up.
        let mut yaml = String::from(
            "blueprint: 1\nname: Big menu\nsteps:\n  - {id: call, lane: customer, label: Calls, next: [menu]}\n  - {id: menu, lane: frontstage, label: Menu, actor: IVR, channel: phone, next: [pick]}\n  - {id: pick, lane: customer, label: Picks, next: [a0, a1, a2, a3, a4]}\n",
        );
        for i in 0..=MAX_STAFF {
            yaml.push_str(&format!(
                "  - {{id: a{i}, lane: frontstage, label: Agent {i}, actor: Agent {i}, channel: phone, value: value-adding, next: [done]}}\n"
            ));
        }
        yaml.push_str("  - {id: done, lane: customer, label: Done}\n");
        assert!(transfers(&yaml).is_empty());
        // With one agent fewer, the menu is a transfer again.
        let fewer = yaml.replace("next: [a0, a1, a2, a3, a4]", "next: [a0, a1, a2, a3]");
        assert_eq!(transfers(&fewer), ["menu"]);
    }
}
