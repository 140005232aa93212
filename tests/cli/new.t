# planner new: a skeleton for a bundled template, which validates once the
# roster it names exists (the conduct range follows SOURCE_DATE_EPOCH).
$ planner new base-drill -o $SCRATCH/drill.yaml && cp tests/cli/new/roster.yaml $SCRATCH/ && planner validate $SCRATCH/drill.yaml && grep -E '^(id|template|conduct):' $SCRATCH/drill.yaml
1 file valid
id: base-drill-2027        # CHANGE: a short id, unique in the database
template: "base-drill"
conduct: 2027-04-24..2027-06-23
$ planner new base-drill | sed -n '/^# Roles/,$p' | cut -c2-
 Roles the rosters must staff (role, how many; qualifications; languages):
   exercise-director      1; hseep-planner
   lead-planner           1; hseep-planner
   trusted-agent          1 per playing agency
   lead-controller        1; hseep-controller
   controller             1; hseep-controller
   safety-controller      1; safety-officer
   lead-evaluator         1; hseep-evaluator
   evaluator              1; hseep-evaluator
   player                 3 per playing agency
   observer               0
# Every bundled template gives a valid skeleton.
$ for t in $(planner templates | awk 'NR > 1 { print $1 }'); do rm -f $SCRATCH/x.yaml; planner new $t -o $SCRATCH/x.yaml && planner validate $SCRATCH/x.yaml >/dev/null || echo "$t fails"; done; echo done
done
# A template file works too; an existing file is never overwritten.
$ planner new tests/cli/extends/parent.yaml | grep -E '^(template|conduct):'
template: "tests/cli/extends/parent.yaml"
conduct: 2027-01-24..2027-03-25
$ cd $SCRATCH && planner new base-drill -o drill.yaml
planner: 'drill.yaml' exists; not overwritten
? 1
$ planner new base-dril
planner: unknown template 'base-dril'; did you mean 'base-drill'?
? 1
$ planner new
planner: no template given
usage: planner new TEMPLATE [-o FILE]
? 2
$ planner new a b
planner: one template only
usage: planner new TEMPLATE [-o FILE]
? 2
$ planner new base-drill -o
planner: '-o' needs a file
usage: planner new TEMPLATE [-o FILE]
? 2
# templates/README.md catalogues every bundled template.
$ for t in $(planner templates | awk 'NR > 1 { print $1 }'); do grep -q "^| \`$t\` |" templates/README.md || echo "$t missing"; done; echo checked
checked
