use petgraph::Direction;
use petgraph::graph::NodeIndex;

use super::{Check, Context, Rule, savings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{BlueprintGraph, Edge, EdgeKind};
use crate::model::{Lane, ValueClass};

pub(super) static RULE: Rule = Rule {
    code: "BP205",
    name: "pass-through-step",
    severity: Severity::Info,
    summary: "A step that only forwards work adds a handoff and no value",
    docs: r#"## What it does
Flags a frontstage, backstage or support step that only forwards work: it receives
the work from one step and passes it to another, handing it over both times, and
nothing in the blueprint says it does anything in between. Precisely, the step:
- has exactly one flow in and one flow out (not to itself), and is not where the
  journey starts;
- both flows hand over: they cross a line, or change actor or channel;
- has no `duration` (or `0`), no fail point, no support relation (it uses nothing and
  nothing uses it) and no `evidence`;
- is not a moment of truth: not the company's side (the contact) of a moment in the
  cycle of service, not annotated `moment_of_truth: true`.

Judgment calls:
- A step the designer classed `value-adding` or `necessary`, or kept with a
  `rationale`, is not flagged: the blueprint says it adds something.
- Customer steps are not flagged: the customer does not forward the company's work. A
  contact that only moves the customer to another channel or member of staff is a
  moment of truth, and counting those is the moment-of-truth rules' job (a journey
  with more customer contacts than needed).
- Steps the journey cannot reach are left to `unreachable-step` (BP005).

Severity: info by default, warning when the blueprint itself says the step adds
nothing (`duration: 0` or `value: waste`). Every handoff is a place where the service
can break (DOMAIN.md §1), and a step that adds one and nothing else is the cheapest
improvement on the blueprint; but a step drawn without a duration may simply not be
described in detail yet, so the finding is only as strong as what is written.
A waste step that only forwards work is reported here and not also by
`waste-step-without-rationale` (BP204): one finding per step, the more specific one. The help says what removing it would save: its `wait`, and the handoffs
that disappear when the step before it hands the work straight to the step after it
(its own two, minus one if that direct flow would still hand over).

## Why it matters
DOMAIN.md §3 lists "a pass-through step that only forwards work" among the steps a
blueprint shows can be removed (seed 000, 昝家騏 and 劉亦欣, 2006; lean value-stream
mapping). Seed 002 case 3 shows the cost: the customer's compensation request goes
through a salesperson who only relays it to a manager and relays back "impossible",
after a long silence, with no reason; each relay is another handoff where the request
waits and its meaning is lost (DOMAIN.md §2).

## Example
```yaml
- id: salesperson-takes-request
  lane: frontstage
  label: Salesperson writes down the compensation request
  actor: Salesperson
  uses: [case-system]
  next: [sales-manager-forwards]
- id: sales-manager-forwards
  lane: backstage
  label: Sales manager forwards the request to after-sales
  actor: Sales manager
  next: [after-sales-decides]
- id: after-sales-decides
  lane: backstage
  label: After-sales manager decides on compensation
  actor: After-sales manager
  uses: [case-system]
  next: [salesperson-explains]
```

## Use instead
```yaml
- id: salesperson-takes-request
  lane: frontstage
  label: Salesperson opens a compensation case for after-sales
  actor: Salesperson
  uses: [case-system]
  next: [after-sales-decides]
- id: after-sales-decides
  lane: backstage
  label: After-sales manager decides on compensation
  actor: After-sales manager
  uses: [case-system]
  next: [salesperson-explains]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let pass_throughs = PassThroughs::new(context);
    let mut findings = Vec::new();
    for node in graph.nodes() {
        let Some(forward) = pass_throughs.at(node) else {
            continue;
        };
        let (step, before, after) = (
            graph.step(node),
            graph.step(forward.from),
            graph.step(forward.to),
        );
        let mut finding = RULE
            .finding(
                step.id.span,
                format!(
                    "step `{}` only forwards the work from `{}` ({}) to `{}` ({})",
                    step.id.value,
                    before.id.value,
                    handed_over(graph, forward.in_edge, forward.from, node),
                    after.id.value,
                    handed_over(graph, forward.out_edge, node, forward.to),
                ),
            )
            .annotate("no time, fail point, support relation or evidence of its own")
            .label(forward.out_edge.reference.span, "and passes it straight on")
            .step(step.id.value.clone())
            .help(format!(
                "let `{}` hand the work straight to `{}`, which would save {}, or record what this step adds (`duration`, `uses`, `value`, `rationale`)",
                before.id.value,
                after.id.value,
                savings::removal(graph, node)
            ));
        // The blueprint itself says the step takes no time or is waste: more than a
        // step drawn without detail.
        let said = step.duration.as_ref().is_some_and(|d| d.value == 0)
            || step
                .value
                .as_ref()
                .is_some_and(|v| v.value == ValueClass::Waste);
        if said {
            finding.severity = Severity::Warning;
        }
        findings.push(finding);
    }
    findings
}

/// The two flows of a pass-through step.
pub(super) struct Forward<'g, 'a> {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub in_edge: &'g Edge<'a>,
    pub out_edge: &'g Edge<'a>,
}

/// Finds pass-through steps. Shared with `waste-step-without-rationale` (BP204), which
/// leaves a waste step that only forwards work to this rule's more specific finding.
/// It reads the reachability and the moment-of-truth roles the context computes once,
/// so both rules can make one without repeating that work.
pub(super) struct PassThroughs<'c, 'g, 'a> {
    graph: &'g BlueprintGraph<'a>,
    context: &'c Context<'g, 'a>,
}

impl<'c, 'g, 'a> PassThroughs<'c, 'g, 'a> {
    pub(super) fn new(context: &'c Context<'g, 'a>) -> Self {
        PassThroughs {
            graph: context.graph,
            context,
        }
    }

    /// The step's two flows when it only forwards work (see the docs), in time
    /// proportional to its flows and support relations.
    pub(super) fn at(&self, node: NodeIndex) -> Option<Forward<'g, 'a>> {
        let graph = self.graph;
        let step = graph.step(node);
        if !self.context.reachable_with_support()[node.index()]
            || node == graph.start
            || graph.lane(node) == Lane::Customer
            || !self.context.roles().contact[node.index()].is_empty()
            || step.moment_of_truth.as_ref().is_some_and(|m| m.value)
            || step.duration.as_ref().is_some_and(|d| d.value > 0)
            || !step.fail_points.is_empty()
            || !step.evidence.is_empty()
            || step
                .rationale
                .as_ref()
                .is_some_and(|r| !r.value.trim().is_empty())
            || step
                .value
                .as_ref()
                .is_some_and(|v| v.value != ValueClass::Waste)
        {
            return None;
        }
        let supported = [Direction::Outgoing, Direction::Incoming]
            .into_iter()
            .any(|direction| {
                graph
                    .edges(node, EdgeKind::Support, direction)
                    .next()
                    .is_some()
            });
        if supported {
            return None;
        }
        let mut ins = graph.edges(node, EdgeKind::Flow, Direction::Incoming);
        let mut outs = graph.edges(node, EdgeKind::Flow, Direction::Outgoing);
        let (Some((_, from, in_edge)), None, Some((_, to, out_edge)), None) =
            (ins.next(), ins.next(), outs.next(), outs.next())
        else {
            return None;
        };
        let hands_over = from != node
            && to != node
            && in_edge.handoff.is_handoff()
            && out_edge.handoff.is_handoff();
        hands_over.then_some(Forward {
            from,
            to,
            in_edge,
            out_edge,
        })
    }
}

/// What a flow hands over, in words: "across the line of visibility, Agent to Team
/// lead".
fn handed_over(
    graph: &BlueprintGraph<'_>,
    edge: &Edge<'_>,
    from: NodeIndex,
    to: NodeIndex,
) -> String {
    let mut parts: Vec<String> = edge
        .handoff
        .crossings
        .lines()
        .map(|line| format!("across the {}", line.as_str()))
        .collect();
    let (a, b) = (graph.step(from), graph.step(to));
    if edge.handoff.actor_change
        && let (Some(x), Some(y)) = (&a.actor, &b.actor)
    {
        parts.push(format!("{} to {}", x.value.trim(), y.value.trim()));
    }
    if edge.handoff.channel_change
        && let (Some(x), Some(y)) = (&a.channel, &b.channel)
    {
        parts.push(format!("channel {} to {}", x.value.trim(), y.value.trim()));
    }
    parts.join(", ")
}
