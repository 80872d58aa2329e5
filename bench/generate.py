#!/usr/bin/env python3
"""Write a large, realistic blueprint to stdout: `generate.py STEPS`.

The journey is a chain of service episodes. Each episode has a customer action, a
frontstage contact that relies on a shared system, backstage work, a branch with an
exception path that loops back to the customer (a loop with a way out), waits,
durations, declared fail points and a moment of truth, so every rule and analysis
does real work. Output is deterministic: same STEPS, same bytes.
"""
import sys

EPISODE = 8  # steps per episode
SYSTEMS = 50  # shared support systems, each used by many contact steps


def main() -> None:
    steps = int(sys.argv[1])
    if steps < EPISODE + SYSTEMS + 1:
        sys.exit(f"need at least {EPISODE + SYSTEMS + 1} steps")
    episodes = (steps - SYSTEMS - 1) // EPISODE
    out = ["blueprint: 1", f"name: Generated service with {steps} steps",
           "tolerance: {desired: 2m, adequate: 10m}", "steps:"]
    written = 0

    def step(text: str) -> None:
        nonlocal written
        out.append(text)
        written += 1

    for e in range(episodes):
        nxt = f"e{e + 1}-ask" if e + 1 < episodes else "leave"
        system = f"system-{e % SYSTEMS}"
        step(f"  - {{id: e{e}-ask, lane: customer, label: Customer asks question {e}, "
             f"actor: Customer, channel: phone, evidence: [hold music], wait: {e % 15}m, "
             f"duration: 1m, emotion: {e % 7 - 3}, next: [e{e}-answer]}}")
        step(f"  - id: e{e}-answer\n    lane: frontstage\n    label: Agent answers question {e}\n"
             f"    actor: Agent {e % 9}\n    channel: phone\n    duration: 3m\n"
             f"    value: value-adding\n    moment_of_truth: true\n"
             f"    standard: Answer within 3 minutes\n    uses: [{system}]\n"
             f"    next:\n      - to: e{e}-lookup\n        when: needs records\n"
             f"      - to: e{e}-escalate\n        when: cannot answer\n"
             f"    fail_points:\n      - what: Wrong answer {e}\n        type: task\n"
             f"        severity: {e % 10 + 1}\n        occurrence: {(e * 3) % 10 + 1}\n"
             f"        detection: {(e * 7) % 10 + 1}\n        owner: Team lead {e % 5}\n"
             f"        recovery: {{strategies: [apology, quick-corrective-action]}}")
        step(f"  - {{id: e{e}-lookup, lane: backstage, label: Clerk looks up records {e}, "
             f"actor: Clerk {e % 4}, duration: 2m, value: necessary, uses: [{system}], "
             f"next: [e{e}-explain]}}")
        step(f"  - {{id: e{e}-escalate, lane: backstage, label: Supervisor reviews case {e}, "
             f"actor: Supervisor, duration: 10m, next: [e{e}-callback]}}")
        step(f"  - {{id: e{e}-callback, lane: frontstage, label: Supervisor calls back {e}, "
             f"actor: Supervisor, channel: phone, duration: 4m, next: [e{e}-retry]}}")
        step(f"  - {{id: e{e}-retry, lane: customer, label: Customer explains again {e}, "
             f"actor: Customer, channel: phone, evidence: [call-back number], wait: 5m, "
             f"next: [e{e}-answer]}}")
        step(f"  - {{id: e{e}-explain, lane: frontstage, label: Agent explains the records {e}, "
             f"actor: Agent {e % 9}, channel: phone, duration: 2m, next: [e{e}-confirm]}}")
        step(f"  - {{id: e{e}-confirm, lane: customer, label: Customer confirms {e}, "
             f"actor: Customer, channel: phone, evidence: [SMS summary], next: [{nxt}]}}")
    step("  - {id: leave, lane: customer, label: Customer hangs up, actor: Customer}")
    for s in range(SYSTEMS):
        step(f"  - {{id: system-{s}, lane: support, label: Shared system {s}, actor: IT, "
             f"uses: []}}")
    # Pad to the exact size with support systems nothing uses (unreachable steps are
    # findings too).
    pad = 0
    while written < steps:
        step(f"  - {{id: spare-{pad}, lane: support, label: Spare system {pad}}}")
        pad += 1
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
