#!/usr/bin/env node
// The reference side of the restJson1 differential test: sends every request case of a cases file through the AWS
// SDK for JavaScript v3 (Lambda, API Gateway, Greengrass V2) and prints, as one JSON document on stdout, what the SDK
// put on the wire for each: method, path, query string, headers and body. No network: a custom requestHandler records
// the request (after the SDK's whole middleware stack, signing included) and answers with an empty 200.
//
//   node restjson-differential.js path/to/cases.json
//
// The cases file (written by RestJsonDifferentialTests.cs) is {"cases": [{id, service, operation, input}]}, inputs in
// the model's member names, with two tagged values JSON cannot hold as such: {"$blob": "<base64>"} is a Uint8Array and
// {"$timestamp": <epoch milliseconds>} a Date.
'use strict';

const fs = require('fs');
// The function the SDK's own HTTP handlers use to write request.query onto the wire.
const { buildQueryString } = require('@smithy/core/protocols');

const services = {
  lambda: { name: '@aws-sdk/client-lambda', client: 'LambdaClient' },
  apigateway: { name: '@aws-sdk/client-api-gateway', client: 'APIGatewayClient' },
  greengrassv2: { name: '@aws-sdk/client-greengrassv2', client: 'GreengrassV2Client' },
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
  const client = new service.module[service.client]({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret-for-tests' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request) => {
        seen = request;
        return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') } };
      },
    },
  });

  try {
    await client.send(new Command(untag(c.input)));
  } catch (error) {
    // Reading the canned answer may fail (it is not what every operation returns); only the request matters.
    if (seen === undefined) {
      return { id: c.id, error: String(error && error.message ? error.message : error) };
    }
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
  process.stderr.write('restjson-differential.js failed: ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
});
