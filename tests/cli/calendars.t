# Calendars re-planned into the same --out: the files of an agency that
# no longer takes part and of a person no longer staffed go; files that
# planner did not write stay.
$ cp tests/store/drill.yaml $SCRATCH/ && cd $SCRATCH && planner plan drill.yaml --no-db --out out >/dev/null && ls out/agencies out/people
out/agencies:
gn-test.ics
usbp-test.ics

out/people:
ana-ruiz.ics
bo-lee.ics
carla-soto.ics
dan-cruz.ics
$ cd $SCRATCH && printf 'BEGIN:VCALENDAR\r\nPRODID:-//Mozilla.org//Thunderbird//EN\r\nEND:VCALENDAR\r\n' >out/people/mine.ics && echo note >out/people/notes.txt && sed 's/^    per_agency: 1$/    count: 1/; s/^agencies: \[usbp-test, gn-test\]$/agencies: [usbp-test]/' drill.yaml >one.yaml && planner plan one.yaml --no-db --out out >/dev/null && ls out/agencies out/people
out/agencies:
usbp-test.ics

out/people:
ana-ruiz.ics
bo-lee.ics
dan-cruz.ics
mine.ics
notes.txt
