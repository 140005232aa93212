# Staffing minds the plans already stored for other exercises: their
# roles count toward workload caps and fairness, their times are taken.
# A and B are on the same morning, C a week later; Soto and Ruiz may
# each work one exercise. Every .t file has its own $PLANNER_DB.
$ cd tests/cli/staffing-prior && planner plan a.yaml --out $SCRATCH/a | tail -1; tr -d '\r' < $SCRATCH/a/roles.csv
stored: revision 1 of staffing-a
exercise,role,person,agency,contact,events
"staffing-a","evaluator","Miguel Soto","sspc","soto@example.org","conduct"
"staffing-a","controller","Jae Kim","sspc","kim@example.org","conduct"
# B: Soto and Kim are in A at that time.
$ cd tests/cli/staffing-prior && planner plan b.yaml --out $SCRATCH/b | tail -1; tr -d '\r' < $SCRATCH/b/roles.csv
stored: revision 1 of staffing-b
exercise,role,person,agency,contact,events
"staffing-b","evaluator","Ana Ruiz","sspc","ruiz@example.org","conduct"
planner: warning: staffing-b: controller: 1 of 1 missing; need 1 'controller' (controller); 0 eligible; Ana Ruiz (sspc) lacks controller; Jae Kim (sspc) is already assigned to 'staffing-a' at the same time; Miguel Soto (sspc) lacks controller, is already assigned to 'staffing-a' at the same time
# C: both evaluators have used their one exercise; Kim's second role
# costs 4 x (2^2 - 1^2) of fairness.
$ cd tests/cli/staffing-prior && planner plan c.yaml --json --out $SCRATCH/c | grep -A3 '"assignments"\|"fairness"' | head -8
      "assignments": [
        {
          "role": "controller",
          "person": "kim",
--
        "fairness": 12,
        "continuity": 0,
        "travel": 0,
planner: warning: staffing-c: evaluator: 1 of 1 missing; Miguel Soto (sspc) is at the workload cap of 1 (1 in stored plans); Ana Ruiz (sspc) is at the workload cap of 1 (1 in stored plans); Jae Kim (sspc) lacks hseep-evaluator
# Re-planning A does not count A's own revision: the same staff (a
# new revision, as Kim's fairness now counts C's role too).
$ cd tests/cli/staffing-prior && planner plan a.yaml --out $SCRATCH/a | tail -1; tr -d '\r' < $SCRATCH/a/roles.csv
stored: revision 2 of staffing-a
exercise,role,person,agency,contact,events
"staffing-a","evaluator","Miguel Soto","sspc","soto@example.org","conduct"
"staffing-a","controller","Jae Kim","sspc","kim@example.org","conduct"
# Without the database there is nothing stored to mind.
$ cd tests/cli/staffing-prior && planner plan b.yaml --no-db --out $SCRATCH/b2 >/dev/null; tr -d '\r' < $SCRATCH/b2/roles.csv
exercise,role,person,agency,contact,events
"staffing-b","evaluator","Miguel Soto","sspc","soto@example.org","conduct"
"staffing-b","controller","Jae Kim","sspc","kim@example.org","conduct"
