// Validates an AsyncAPI document the way CI does:
//   1. @asyncapi/parser (pinned in package.json) parses and lints it; every diagnostic is printed,
//      any error fails.
//   2. Every message example is checked against its message's payload schema (JSON Schema draft-07
//      with ajv, the validator the parser itself uses). The parser's own example check exists only
//      for AsyncAPI 2, so a wrong example in a 3.0 document would otherwise pass.
//
//   3. With --payloads FILE, real payloads too: FILE is a JSON array of
//      {"channel": "<channel address>", "name": "<label>", "payload": <the JSON document>}; each must
//      match the payload schema of one of its channel's messages (the tests feed the encoders' output).
//
// Usage: node tools/asyncapi/validate.mjs docs/asyncapi/v2g-charger.asyncapi.yaml [--payloads FILE]
// stdout: the channel addresses, one per line (the coverage test compares them with UplinkTopics).
// stderr: the diagnostics and a summary.
// Exit code: 0 valid (warnings allowed), 1 invalid, 2 usage or the tool itself cannot run.
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

const SeverityNames = ['error', 'warning', 'info', 'hint'];
const SeverityError = 0;

async function main(argv) {
  const payloadsAt = argv.indexOf('--payloads');
  const payloadsPath = payloadsAt >= 0 ? argv[payloadsAt + 1] : undefined;
  if (payloadsAt >= 0) argv = argv.filter((_, i) => i !== payloadsAt && i !== payloadsAt + 1);
  if (argv.length !== 1 || (payloadsAt >= 0 && !payloadsPath)) {
    console.error('usage: node validate.mjs <asyncapi document> [--payloads <json file>]');
    return 2;
  }
  const path = resolve(argv[0]);
  for (const file of [path, payloadsPath].filter(Boolean)) {
    if (!existsSync(file)) {
      console.error(`validate: no such file: ${file}`);
      return 2;
    }
  }

  // Imported here, not at the top, so a missing `npm ci` is reported as such and not as a stack trace.
  let parserModule, Ajv, addFormats;
  try {
    parserModule = await import('@asyncapi/parser');
    Ajv = (await import('ajv')).default;
    addFormats = (await import('ajv-formats')).default;
  } catch (e) {
    console.error(`validate: the validator's packages are not installed (run \`npm ci\` in tools/asyncapi): ${e.message}`);
    return 2;
  }
  const { Parser, fromFile } = parserModule;

  const parser = new Parser();
  const { document, diagnostics } = await fromFile(parser, path).parse();

  let errors = 0;
  for (const d of diagnostics) {
    if (d.severity === SeverityError) errors++;
    const where = d.path && d.path.length ? d.path.join('.') : '(document)';
    const line = d.range ? `:${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
    console.error(`${SeverityNames[d.severity] ?? d.severity} ${d.code} at ${where} (${argv[0]}${line}): ${d.message}`);
  }
  if (!document || errors > 0) {
    console.error(`validate: INVALID: ${errors} error(s) from the AsyncAPI parser`);
    return 1;
  }

  const ajv = newAjv(Ajv, addFormats);
  const exampleErrors = checkExamples(document, ajv);
  for (const e of exampleErrors) console.error(`error example-payload ${e}`);
  let payloadErrors = [];
  let payloadCount = 0;
  if (payloadsPath) {
    const payloads = JSON.parse(readFileSync(payloadsPath, 'utf8'));
    payloadCount = payloads.length;
    payloadErrors = checkPayloads(document, ajv, payloads);
    for (const e of payloadErrors) console.error(`error payload ${e}`);
  }

  const channels = document.channels().all();
  const operations = document.operations().all();
  const messages = document.allMessages().all();
  if (exampleErrors.length > 0 || payloadErrors.length > 0) {
    console.error(`validate: INVALID: ${exampleErrors.length} example error(s), ${payloadErrors.length} payload error(s) against the payload schemas`);
    return 1;
  }

  for (const channel of channels) console.log(channel.address());
  console.error(
    `validate: OK: AsyncAPI ${document.version()}, ${channels.length} channels, ${operations.length} operations, ` +
    `${messages.length} messages, ${countExamples(messages)} examples checked, ` +
    (payloadsPath ? `${payloadCount} payloads checked, ` : '') +
    `${diagnostics.length} diagnostic(s) without errors`);
  return 0;
}

function newAjv(Ajv, addFormats) {
  // strict: an unknown or misspelt schema keyword ("minimun") is an error, not silently ignored.
  // Union types (number | null) and `required` inside if/then are intended here.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  // Keywords of the AsyncAPI Schema Object beyond draft-07.
  for (const k of ['discriminator', 'externalDocs', 'deprecated']) declareKeyword(ajv, k);
  return ajv;
}

// The compiled payload schema of a message, or a string saying why there is none. Cached on the
// message's dereferenced object, which is shared by every place that refers to the same message.
const validators = new Map();
function validatorOf(message, ajv) {
  const id = messageId(message);
  const key = message.json();
  if (!validators.has(key)) {
    let entry;
    if (!message.hasPayload()) {
      entry = `${id}: no payload schema`;
    } else {
      try {
        entry = ajv.compile(plainSchema(message.payload().json(), ajv));
      } catch (e) {
        entry = `${id}: payload schema does not compile: ${e.message}`;
      }
    }
    validators.set(key, entry);
  }
  return validators.get(key);
}

function messageId(message) {
  return message.id() ?? message.name() ?? '(anonymous message)';
}

function describeErrors(errors) {
  return errors.map((err) => {
    const at = err.instancePath || '(payload)';
    const extra = err.params && Object.keys(err.params).length ? ' ' + JSON.stringify(err.params) : '';
    return `${at} ${err.message}${extra}`;
  });
}

// Every example of every message (components and channels alike) against the message's payload.
function checkExamples(document, ajv) {
  const problems = [];
  const seen = new Set();
  for (const message of document.allMessages().all()) {
    const id = messageId(message);
    if (seen.has(id)) continue;
    seen.add(id);
    const examples = message.examples().all().filter(e => e.hasPayload());
    if (examples.length === 0) continue;
    const validate = validatorOf(message, ajv);
    if (typeof validate === 'string') {
      problems.push(validate);
      continue;
    }
    examples.forEach((example, index) => {
      if (!validate(example.payload())) {
        const name = example.name() ?? `#${index}`;
        for (const e of describeErrors(validate.errors)) problems.push(`${id} example ${name}: ${e}`);
      }
    });
  }
  return problems;
}

// Real payloads against the messages of their channel: each must match one of them.
function checkPayloads(document, ajv, payloads) {
  const problems = [];
  const channels = new Map(document.channels().all().map(c => [c.address(), c]));
  payloads.forEach((entry, index) => {
    const label = `${entry.name ?? '#' + index} on ${entry.channel}`;
    const channel = channels.get(entry.channel);
    if (!channel) {
      problems.push(`${label}: no such channel`);
      return;
    }
    const reasons = [];
    for (const message of channel.messages().all()) {
      const validate = validatorOf(message, ajv);
      if (typeof validate === 'string') {
        reasons.push(validate);
      } else if (validate(entry.payload)) {
        return;
      } else {
        for (const e of describeErrors(validate.errors)) reasons.push(`as ${messageId(message)}: ${e}`);
      }
    }
    problems.push(`${label}: matches none of the channel's messages: ${reasons.join('; ')} -- payload ${JSON.stringify(entry.payload)}`);
  });
  return problems;
}

// An annotation keyword ajv's strict mode is to accept (ajv already knows some, e.g. `deprecated`).
function declareKeyword(ajv, keyword) {
  if (ajv.getKeyword(keyword) || ajv.RULES.keywords[keyword]) return;
  ajv.addKeyword(keyword);
}

function countExamples(messages) {
  const ids = new Set();
  let n = 0;
  for (const m of messages) {
    const id = m.id() ?? m.name();
    if (ids.has(id)) continue;
    ids.add(id);
    n += m.examples().all().filter(e => e.hasPayload()).length;
  }
  return n;
}

// A copy of a schema the parser dereferenced, without the parser's own `x-parser-*` annotations;
// any other `x-` extension is declared to ajv as an annotation keyword.
function plainSchema(schema, ajv) {
  const copies = new Map();
  const copy = (value) => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    if (copies.has(value)) return copies.get(value);
    const out = {};
    copies.set(value, out);
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('x-parser-')) continue;
      if (key.startsWith('x-')) declareKeyword(ajv, key);
      out[key] = copy(v);
    }
    return out;
  };
  return copy(schema);
}

process.exitCode = await main(process.argv.slice(2)).catch((e) => {
  console.error(`validate: failed: ${e.stack ?? e}`);
  return 2;
});
