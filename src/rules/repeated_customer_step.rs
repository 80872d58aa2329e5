use super::facts::step_ids;
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP110",
    name: "repeated-customer-step",
    severity: Severity::Warning,
    summary: "The customer has to repeat steps: a loop of flows goes through a customer action",
    docs: r#"## What it does
Flags a loop of flows (steps that can lead back to each other through `next`) that
goes through at least one customer step: the customer may have to do those steps
again. Each loop the journey reaches is reported once, at its first customer step in
file order, and the message names the loop's customer steps (the first five, and
how many more).

Loops entirely behind the line of interaction (a clerk re-checking a record) are not
reported: the customer does not repeat anything. A loop the journey can never leave
is also reported by `cycle-without-exit`.

Why a warning: some loops are honest descriptions of a service that has to allow
retries (a redelivery when nobody was home); each is worth a look, none
should block a merge on its own.

## Why it matters
DOMAIN.md §2 lists "the customer having to repeat a step" among the structures worth
flagging: repetition is rework the customer pays for with time and patience. Seed 004
found that fewer than half of hotline calls were resolved on the first call, and most
customers had to call several times; seed 002 case 3 is a car taken back to the
workshop again and again before the cause of the noise was found.

## Example
```yaml
- id: book-workshop-visit
  lane: customer
  label: Customer drives the car to the workshop
  next: [mechanic-inspects]
- id: mechanic-inspects
  lane: backstage
  label: Mechanic looks for the noise
  actor: Mechanic
  next:
    - to: collect-unfixed-car
      when: cause not found
    - to: collect-fixed-car
      when: cause found
- id: collect-unfixed-car
  lane: customer
  label: Customer collects the car, still noisy
  next: [book-workshop-visit]
```

## Use instead
```yaml
- id: book-workshop-visit
  lane: customer
  label: Customer drives the car to the workshop
  next: [mechanic-inspects]
- id: mechanic-inspects
  lane: backstage
  label: Mechanic looks for the noise, with the importer's hotline after one test drive
  actor: Mechanic
  uses: [importer-technical-hotline]
  next: [collect-fixed-car]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let journey = context.journey();
    let mut findings = Vec::new();
    // One pass over the loops (stages of more than one step); members are in file
    // order, so the first customer step is the first written.
    for members in journey.members.iter().filter(|m| m.len() > 1) {
        if !journey.reachable[members[0].index()] {
            continue;
        }
        let customer: Vec<_> = members
            .iter()
            .copied()
            .filter(|&n| graph.lane(n) == Lane::Customer)
            .collect();
        let Some(&first) = customer.first() else {
            continue;
        };
        let step = graph.step(first);
        let mut finding = RULE
            .finding(
                step.id.span,
                format!(
                    "the customer may have to repeat {} {}: {} in a loop of {} steps (rework)",
                    if customer.len() == 1 { "step" } else { "steps" },
                    step_ids(graph, &customer),
                    if customer.len() == 1 { "it is" } else { "they are" },
                    members.len()
                ),
            )
            .annotate("the journey can come back here")
            .step(step.id.value.clone())
            .help("fix the cause of the loop so the first attempt succeeds (resolve on the first contact), or record why a retry is unavoidable and keep it short");
        // Labels for a few of the others; the message counts the rest.
        for &other in customer.iter().skip(1).take(3) {
            finding = finding.label(graph.step(other).id.span, "repeated too");
        }
        findings.push(finding);
    }
    findings
}
