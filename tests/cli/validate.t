# Every bundled and example file is valid.
$ planner validate templates/*.yaml templates/calendars/*.yaml examples/*.yaml
34 files valid
# A file that does not exist.
$ planner validate no/such.yaml
planner: cannot read 'no/such.yaml': No such file or directory
? 1
