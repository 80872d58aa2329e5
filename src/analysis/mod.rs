//! Shared computations over the graph: the journey's order, the customer timeline,
//! moments of truth, risk, handoffs and value. Rules and reports read these; none of
//! them builds a graph or enumerates paths: each is linear (or near-linear) in steps
//! and flows.

mod handoffs;
mod journey;
mod moments;
mod risk;
mod timeline;
mod value;

pub use handoffs::{HandoffView, handoffs};
pub use journey::Journey;
pub use moments::{Moment, cycle_of_service};
pub use risk::rpn;
pub use timeline::{Timeline, timeline};
pub use value::{ValueTimes, value_times};

#[cfg(test)]
pub(crate) mod test_support {
    use crate::model::Blueprint;

    pub fn blueprint(yaml: &str) -> Blueprint {
        crate::load::load(yaml.as_bytes()).unwrap_or_else(|e| panic!("test blueprint: {e:#?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::blueprint;
    use super::*;
    use crate::graph::BlueprintGraph;

    /// A SIM swap with a branch (fixed on the phone, or sent to a store), a loop in the
    /// store (check, ask again, check) and two support systems.
    ///
    /// Edges in the order the graph adds them (each step's flows, then its `uses`):
    /// e0 call->agent, e1 agent->visit, e2 agent->fixed, e3 agent uses crm,
    /// e4 visit->clerk, e5 clerk->check, e6 clerk uses pos, e7 check->clerk-again,
    /// e8 check->done, e9 check uses pos, e10 clerk-again->check.
    const SIM_SWAP: &str = "
blueprint: 1
name: SIM swap
steps:
  - {id: call, lane: customer, label: Calls, actor: Customer, channel: phone,
     wait: 10m, duration: 2m, value: necessary, next: [agent]}
  - id: agent
    lane: frontstage
    label: Agent diagnoses
    actor: Agent
    channel: phone
    duration: 5m
    value: necessary
    uses: [crm]
    next: [visit, fixed]
    fail_points:
      - {what: Wrong diagnosis, severity: 7, occurrence: 4, detection: 5}
  - {id: fixed, lane: customer, label: Fixed on the phone, duration: 1m}
  - {id: visit, lane: customer, label: Visits the store, channel: store,
     wait: 20m, duration: 10m, value: waste, next: [clerk]}
  - {id: clerk, lane: frontstage, label: Clerk listens, actor: Clerk, channel: store,
     duration: 4m, value: value-adding, uses: [pos], next: [check], moment_of_truth: true}
  - id: check
    lane: backstage
    label: Clerk checks the SIM record
    actor: Clerk
    duration: 3m
    uses: [pos]
    next: [clerk-again, done]
    fail_points:
      - {what: Record missing, severity: 9}
  - {id: clerk-again, lane: frontstage, label: Clerk asks again, duration: 2m, next: [check]}
  - {id: done, lane: customer, label: Leaves with a new SIM, duration: 1m}
  - {id: crm, lane: support, label: CRM}
  - {id: pos, lane: support, label: Store POS}
";

    fn ids(graph: &BlueprintGraph<'_>, nodes: &[petgraph::graph::NodeIndex]) -> Vec<String> {
        nodes
            .iter()
            .map(|&n| graph.step(n).id.value.clone())
            .collect()
    }

    #[test]
    fn timeline_totals_and_critical_path() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let journey = Journey::new(&graph);
        let timeline = timeline(&graph, &journey);
        // Flow-reachable steps: call 2m, agent 5m, fixed 1m, visit 10m, clerk 4m,
        // check 3m, clerk-again 2m, done 1m = 28m = 1680 s. crm and pos are reached
        // only through `uses` and are not part of the customer's timeline.
        assert_eq!(timeline.execution, 1_680);
        // Waits: call 10m + visit 20m = 30m = 1800 s.
        assert_eq!(timeline.wait, 1_800);
        // Through the store: call 12m + agent 5m + visit 30m + clerk 4m + the loop once
        // (check 3m + clerk-again 2m) + done 1m = 57m = 3420 s. The phone branch
        // (call 12m + agent 5m + fixed 1m = 18m) is shorter.
        assert_eq!(timeline.critical_time, 3_420);
        assert_eq!(
            ids(&graph, &timeline.critical_path),
            [
                "call",
                "agent",
                "visit",
                "clerk",
                "check",
                "clerk-again",
                "done"
            ]
        );
    }

    #[test]
    fn value_times_and_process_cycle_efficiency() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let times = value_times(&graph, &Journey::new(&graph));
        // value-adding: clerk 4m. necessary: call 2m + agent 5m. waste: visit 10m.
        // unclassified: fixed 1m + check 3m + clerk-again 2m + done 1m. waiting: 30m.
        assert_eq!(
            times,
            ValueTimes {
                value_adding: 240,
                necessary: 420,
                waste: 600,
                unclassified: 420,
                waiting: 1_800,
            }
        );
        // Lead time 240 + 420 + 600 + 420 + 1800 = 3480 s; PCE = 240 / 3480.
        assert_eq!(times.lead_time(), 3_480);
        let pce = times.process_cycle_efficiency().expect("times given");
        assert!((pce - 240.0 / 3_480.0).abs() < 1e-12, "{pce}");
    }

    #[test]
    fn cycle_of_service_in_journey_order_with_first_last_and_recovery() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let moments = cycle_of_service(&graph, &Journey::new(&graph));
        let described: Vec<(String, String, bool, bool, bool, bool)> = moments
            .iter()
            .map(|m| {
                let (from, to) = graph
                    .graph
                    .edge_endpoints(m.edge.expect("a flow"))
                    .expect("edge");
                (
                    graph.step(from).id.value.clone(),
                    graph.step(to).id.value.clone(),
                    m.annotated,
                    m.first,
                    m.last,
                    m.recovery,
                )
            })
            .collect();
        let s = |x: &str| x.to_owned();
        // Flows across the line of interaction, in journey order (call, agent, visit,
        // then the loop stage where check -> done begins). clerk -> check and the loop
        // flows stay behind the line. `clerk` is annotated, confirming visit -> clerk.
        // Recovery: the first contacts after agent's fail point are agent's own flows
        // to the customer; after check's, check -> done.
        assert_eq!(
            described,
            [
                (s("call"), s("agent"), false, true, false, false),
                (s("agent"), s("visit"), false, false, false, true),
                (s("agent"), s("fixed"), false, false, false, true),
                (s("visit"), s("clerk"), true, false, false, false),
                (s("check"), s("done"), false, false, true, true),
            ]
        );
        // The company's side carries the standard; the customer's side the evidence.
        let visit_clerk = &moments[3];
        assert_eq!(graph.step(visit_clerk.contact).id.value, "clerk");
        assert_eq!(
            visit_clerk.customer.map(|c| graph.step(c).id.value.clone()),
            Some(s("visit"))
        );
    }

    #[test]
    fn a_customer_action_into_hidden_work_is_no_contact_unless_it_is_self_service() {
        let blueprint = blueprint(
            "
blueprint: 1
name: Parcel
steps:
  - {id: hand-over, lane: customer, label: Hands over the parcel, next: [hub-sorts]}
  - {id: hub-sorts, lane: backstage, label: Hub sorts the parcel, next: [receive]}
  - {id: receive, lane: customer, label: Recipient receives the parcel, next: [track]}
  - {id: track, lane: support, label: Tracking website, channel: web, next: [done]}
  - {id: done, lane: customer, label: Sees it delivered}
",
        );
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let moments = cycle_of_service(&graph, &Journey::new(&graph));
        let contacts: Vec<&str> = moments
            .iter()
            .map(|m| graph.step(m.contact).id.value.as_str())
            .collect();
        // hand-over -> hub-sorts: hidden work, no contact. hub-sorts -> receive: the
        // outcome reaches the customer. receive -> track: the customer uses the
        // website (it has a channel). track -> done: the website shows the result.
        assert_eq!(contacts, ["hub-sorts", "track", "track"]);
    }

    #[test]
    fn an_annotated_step_with_no_contact_flow_adds_a_moment() {
        let blueprint = blueprint(
            "
blueprint: 1
name: App
steps:
  - {id: open-app, lane: customer, label: Opens the app, moment_of_truth: true, next: [pay]}
  - {id: pay, lane: customer, label: Pays in the app}
",
        );
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let moments = cycle_of_service(&graph, &Journey::new(&graph));
        assert_eq!(moments.len(), 1);
        let moment = &moments[0];
        assert_eq!(
            (moment.edge, moment.annotated, moment.first, moment.last),
            (None, true, true, true)
        );
        assert_eq!(graph.step(moment.contact).id.value, "open-app");
    }

    #[test]
    fn handoffs_and_shared_records() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let views = handoffs(&graph);
        // Every one of the 8 flows crosses a line here (e0, e1, e2, e4, e5, e7, e8, e10).
        assert_eq!(views.len(), 8);
        let shared: Vec<(String, String, Vec<String>)> = views
            .iter()
            .filter(|v| v.shares_a_record())
            .map(|v| {
                (
                    graph.step(v.from).id.value.clone(),
                    graph.step(v.to).id.value.clone(),
                    ids(&graph, &v.shared),
                )
            })
            .collect();
        // Only clerk -> check has both sides on a common system (pos).
        assert_eq!(
            shared,
            [(
                "clerk".to_owned(),
                "check".to_owned(),
                vec!["pos".to_owned()]
            )]
        );
        // agent (phone) -> visit (store): the channel changes; visit names no actor, so
        // no actor change is claimed.
        let to_store = views
            .iter()
            .find(|v| graph.step(v.to).id.value == "visit")
            .expect("flow");
        assert!(to_store.handoff.channel_change && !to_store.handoff.actor_change);
    }

    #[test]
    fn rpn_needs_all_three_scores() {
        let blueprint = blueprint(SIM_SWAP);
        let scores: Vec<Option<u16>> = blueprint.fail_points().map(|(_, fp)| rpn(fp)).collect();
        // Wrong diagnosis: 7 x 4 x 5 = 140. Record missing: severity only.
        assert_eq!(scores, [Some(140), None]);
    }
}
