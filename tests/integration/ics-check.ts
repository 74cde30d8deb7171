/**
 * A strict reader of iCalendar files (RFC 5545) for tests: it refuses what a fussy calendar app
 * would, so a file that passes imports cleanly. It checks the physical form (CRLF line ends,
 * lines of at most 75 octets, folding), the component structure, and what every VEVENT must have.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsEvent {
  properties: IcsProperty[];
  get: (name: string) => IcsProperty | undefined;
  /** A TEXT value with its escapes (\\n \\, \\; \\\\) undone. */
  text: (name: string) => string | undefined;
}

export interface IcsCalendar {
  properties: IcsProperty[];
  events: IcsEvent[];
}

const octets = (line: string) => new TextEncoder().encode(line).length;

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseLine(line: string): IcsProperty {
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (colon <= 0) throw new Error(`Not a content line: ${line}`);
  const [name = '', ...params] = line.slice(0, colon).split(';');
  if (!/^[A-Z][A-Z0-9-]*$/.test(name)) throw new Error(`Bad property name: ${name}`);
  const paramMap: Record<string, string> = {};
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new Error(`Bad parameter ${param} in ${line}`);
    paramMap[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return { name, params: paramMap, value: line.slice(colon + 1) };
}

/** TEXT values may not hold a bare ; or , (RFC 5545 3.3.11). */
function checkEscapes(property: IcsProperty): void {
  if (!['SUMMARY', 'DESCRIPTION', 'LOCATION', 'X-WR-CALNAME'].includes(property.name)) return;
  const stripped = property.value.replace(/\\[\\;,nN]/g, '');
  if (/[;,\\]/.test(stripped)) {
    throw new Error(`Unescaped character in ${property.name}: ${property.value}`);
  }
}

function eventOf(properties: IcsProperty[]): IcsEvent {
  const get = (name: string) => properties.find((p) => p.name === name);
  return {
    properties,
    get,
    text: (name) => {
      const p = get(name);
      return p === undefined ? undefined : unescapeText(p.value);
    },
  };
}

function checkEvent(event: IcsEvent): void {
  for (const required of ['UID', 'DTSTAMP', 'DTSTART']) {
    if (event.properties.filter((p) => p.name === required).length !== 1) {
      throw new Error(`A VEVENT needs exactly one ${required}`);
    }
  }
  const end = event.get('DTEND');
  const duration = event.get('DURATION');
  if ((end === undefined) === (duration === undefined)) {
    throw new Error('A VEVENT needs DTEND or DURATION, not both');
  }
  if (!/^\d{8}T\d{6}Z$/.test(event.get('DTSTAMP')?.value ?? '')) throw new Error('Bad DTSTAMP');
  const start = event.get('DTSTART');
  if (start?.params.VALUE === 'DATE') {
    if (!/^\d{8}$/.test(start.value)) throw new Error(`Bad DATE ${start.value}`);
    if (end && (end.params.VALUE !== 'DATE' || !(end.value > start.value))) {
      throw new Error('An all-day event ends on a later DATE (exclusive)');
    }
  }
}

export function parseIcs(text: string): IcsCalendar {
  if (!text.endsWith('\r\n')) throw new Error('The file must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error('Bare CR or LF inside a line');
    if (octets(line) > 75) throw new Error(`Line longer than 75 octets: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('A continuation line cannot come first');
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const calendar: IcsCalendar = { properties: [], events: [] };
  const stack: string[] = [];
  let current: IcsProperty[] | null = null;
  for (const line of logical) {
    const property = parseLine(line);
    checkEscapes(property);
    if (property.name === 'BEGIN') {
      if (stack.length === 0 && property.value !== 'VCALENDAR') throw new Error('Not a VCALENDAR');
      stack.push(property.value);
      if (property.value === 'VEVENT') current = [];
      continue;
    }
    if (property.name === 'END') {
      if (stack.pop() !== property.value) throw new Error(`Unbalanced END:${property.value}`);
      if (property.value === 'VEVENT' && current) {
        const event = eventOf(current);
        checkEvent(event);
        calendar.events.push(event);
        current = null;
      }
      continue;
    }
    if (stack.length === 0) throw new Error(`Content outside VCALENDAR: ${line}`);
    if (current) current.push(property);
    else if (stack.length === 1) calendar.properties.push(property);
  }
  if (stack.length !== 0) throw new Error('VCALENDAR not closed');
  const value = (name: string) => calendar.properties.find((p) => p.name === name)?.value;
  if (value('VERSION') !== '2.0') throw new Error('VERSION:2.0 missing');
  if (!value('PRODID')) throw new Error('PRODID missing');
  return calendar;
}
