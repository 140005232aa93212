// check_ics.mjs: read .ics files with Mozilla's ical.js and print each item's times in UTC.
//
// Usage: node check_ics.mjs FILE.ics...
//
// For every VEVENT and VTODO it prints "UID<TAB>START<TAB>END": START is
// DTSTART and END is DTEND or DUE (or DTSTART + DURATION), as RFC 3339
// UTC ("2027-03-10T15:00:00Z"), or YYYY-MM-DD for a date; "-" when
// absent; then "UID<TAB>ATTENDEE<TAB>ADDRESS ROLE PARTSTAT CUTYPE" for each
// of its attendees, a parameter the file leaves out read as RFC 5545's
// default (REQ-PARTICIPANT, NEEDS-ACTION, INDIVIDUAL), as a reader must.
// Each file's VTIMEZONEs are registered before any time is read,
// because ical.js silently treats an unknown TZID as local time. Exits 1
// naming the file on any error, after trying every file.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

// RFC 5545 3.2.16, 3.2.12, 3.2.3: what an absent parameter means.
const DEFAULTS = [['role', 'REQ-PARTICIPANT'], ['partstat', 'NEEDS-ACTION'],
  ['cutype', 'INDIVIDUAL']];

function utc(time) {
  if (time.isDate) {
    return time.toString();			// YYYY-MM-DD
  }
  return new Date(time.toUnixTime() * 1000).toISOString()
    .replace(/\.000Z$/, 'Z');
}

// A time value of prop, refusing a TZID that names no VTIMEZONE here.
function value(comp, name) {
  const prop = comp.getFirstProperty(name);

  if (!prop) {
    return null;
  }
  const tzid = prop.getParameter('tzid');
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new Error(`${name} has TZID '${tzid}' without a VTIMEZONE`);
  }
  const t = prop.getFirstValue();
  if (!t.isDate && !tzid && t.zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`${name} is a floating time`);
  }
  return t;
}

function check(path) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  const lines = [];

  if (cal.name !== 'vcalendar') {
    throw new Error(`not a VCALENDAR but ${cal.name}`);
  }
  ICAL.TimezoneService.reset();
  for (const vtz of cal.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtz);
  }
  for (const comp of cal.getAllSubcomponents()) {
    if (comp.name !== 'vevent' && comp.name !== 'vtodo') {
      continue;
    }
    const uid = comp.getFirstPropertyValue('uid');
    if (!uid) {
      throw new Error(`a ${comp.name.toUpperCase()} without UID`);
    }
    try {
      const start = value(comp, 'dtstart');
      let end = value(comp, comp.name === 'vtodo' ? 'due' : 'dtend');
      const dur = comp.getFirstPropertyValue('duration');

      if (!end && start && dur) {
        end = start.clone();
        end.addDuration(dur);
      }
      lines.push([uid, start ? utc(start) : '-', end ? utc(end) : '-']
        .join('\t'));
      for (const att of comp.getAllProperties('attendee')) {
        lines.push([uid, 'ATTENDEE', [att.getFirstValue()].concat(
          DEFAULTS.map(([k, v]) => att.getParameter(k) ?? v)).join(' ')]
          .join('\t'));
      }
    } catch (e) {
      throw new Error(`${uid}: ${e.message}`);
    }
  }
  return lines;
}

let status = 0;

if (process.argv.length < 3) {
  console.error('usage: node check_ics.mjs FILE.ics...');
  process.exit(2);
}
for (const path of process.argv.slice(2)) {
  try {
    const lines = check(path);

    if (lines.length > 0) {
      process.stdout.write(lines.join('\n') + '\n');
    }
  } catch (e) {
    console.error(`check_ics.mjs: ${path}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
