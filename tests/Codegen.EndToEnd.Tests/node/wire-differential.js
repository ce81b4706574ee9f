#!/usr/bin/env node
// The reference side of the restJson1 and rpcv2Cbor differential tests: sends every case of a cases file through the
// AWS SDK for JavaScript v3 (Lambda, API Gateway, Greengrass V2: restJson1; PartnerCentral Revenue Measurement:
// rpcv2Cbor) and prints, as one JSON document on stdout, what the SDK put on the wire for each: method, path, query
// string, headers and body. No network: a custom requestHandler records the request (after the SDK's whole middleware
// stack, signing included) and answers with the case's response, or an empty 200.
//
//   node wire-differential.js path/to/cases.json
//
// The cases file (written by Infrastructure/JsSdkWire.cs) is {"cases": [{id, service, operation, input, response?}]},
// inputs in the model's member names, with two tagged values JSON cannot hold as such: {"$blob": "<base64>"} is a
// Uint8Array and {"$timestamp": <epoch milliseconds>} a Date. A case with a response ({status, headers, body: base64})
// also reports what the SDK read from it: `output` (the command's result without $metadata, dates as ISO 8601 text
// and byte arrays as base64, as JSON prints them) or `outputError` (the error's name, message and members).
'use strict';

const fs = require('fs');
// The function the SDK's own HTTP handlers use to write request.query onto the wire.
const { buildQueryString } = require('@smithy/core/protocols');

const services = {
  lambda: { name: '@aws-sdk/client-lambda', client: 'LambdaClient' },
  apigateway: { name: '@aws-sdk/client-api-gateway', client: 'APIGatewayClient' },
  greengrassv2: { name: '@aws-sdk/client-greengrassv2', client: 'GreengrassV2Client' },
  'partnercentral-revenue-measurement': {
    name: '@aws-sdk/client-partnercentral-revenue-measurement',
    client: 'PartnerCentralRevenueMeasurementClient',
  },
};
for (const service of Object.values(services)) {
  service.module = require(service.name);
  service.version = require(service.name + '/package.json').version;
}

function untag(value) {
  if (Array.isArray(value)) return value.map(untag);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$blob') return new Uint8Array(Buffer.from(value.$blob, 'base64'));
    if (keys.length === 1 && keys[0] === '$timestamp') return new Date(value.$timestamp);
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = untag(v);
    return out;
  }
  return value;
}

// The command's result as JSON: byte arrays as base64 (JSON.stringify would print their indices), dates as
// Date.toJSON's ISO 8601 text, the SDK's $metadata left out.
function outputJson(output) {
  const { $metadata, ...members } = output;
  return JSON.parse(JSON.stringify(members, (key, value) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value));
}

// A modelled error's members: the error object's own properties, less the SDK's ($fault, $metadata, ...) and Error's.
function errorMembers(error) {
  const members = {};
  for (const [key, value] of Object.entries(error)) {
    if (!key.startsWith('$') && key !== 'name' && key !== 'message' && key !== 'stack') members[key] = value;
  }
  return outputJson(members);
}

function bodyBytes(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new Error('a request body of an unexpected kind: ' + Object.prototype.toString.call(body));
}

async function run(c) {
  const service = services[c.service];
  if (!service) throw new Error('unknown service ' + c.service);
  const Command = service.module[c.operation + 'Command'];
  if (typeof Command !== 'function') throw new Error('the JS SDK has no ' + c.operation + 'Command');

  let seen;
  const response = c.response
    ? { statusCode: c.response.status, headers: c.response.headers, body: Buffer.from(c.response.body, 'base64') }
    : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') };
  const client = new service.module[service.client]({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret-for-tests' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request) => {
        seen = request;
        return { response };
      },
    },
  });

  let output;
  let outputError;
  try {
    output = outputJson(await client.send(new Command(untag(c.input))));
  } catch (error) {
    if (seen === undefined) {
      return { id: c.id, error: String(error && error.message ? error.message : error) };
    }

    // Without a case response, reading the canned answer may fail (it is not what every operation returns).
    outputError = {
      name: error && error.name,
      message: String(error && error.message ? error.message : error),
      members: error && typeof error === 'object' ? errorMembers(error) : {},
    };
  } finally {
    client.destroy();
  }

  const body = bodyBytes(seen.body);
  return {
    id: c.id,
    method: seen.method,
    path: seen.path,
    query: buildQueryString(seen.query || {}),
    headers: seen.headers,
    body: body === null ? null : body.toString('base64'),
    ...(c.response ? (outputError ? { outputError } : { output }) : {}),
  };
}

async function main() {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).cases;
  const requests = [];
  for (const c of cases) requests.push(await run(c));
  const versions = {};
  for (const [key, service] of Object.entries(services)) versions[key] = service.name + ' ' + service.version;
  process.stdout.write(JSON.stringify({ versions, requests }) + '\n');
}

main().catch((error) => {
  process.stderr.write('wire-differential.js failed: ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
});
