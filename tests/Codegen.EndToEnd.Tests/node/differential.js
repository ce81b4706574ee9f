#!/usr/bin/env node
// The reference side of the differential test: runs every case of differential-cases.json through the AWS SDK
// for JavaScript v3 and prints, as one JSON document on stdout, what the SDK sends (requests) and how it reads
// canned replies (responses). No network: a custom requestHandler records the request and answers with the
// canned response. Credentials are dummies (awsJson requests are signed, but nobody checks the signature).
//
//   node differential.js [path/to/differential-cases.json]
'use strict';

const fs = require('fs');
const path = require('path');
const sdk = require('@aws-sdk/client-cognito-identity-provider');

const casesPath = process.argv[2] || path.join(__dirname, 'differential-cases.json');
const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));

// One client per call, each with its own handler: the recorded request and the canned response never leak
// from one case to the next.
function clientAnswering(canned) {
  const seen = [];
  const client = new sdk.CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret-for-tests' },
    maxAttempts: 1, // error cases are read once, never retried
    requestHandler: {
      handle: async (request) => {
        seen.push(request);
        return {
          response: {
            statusCode: canned.status,
            headers: canned.headers,
            body: Buffer.from(canned.body, 'utf8'),
          },
        };
      },
    },
  });
  return { client, seen };
}

function command(operation, input) {
  const Command = sdk[operation + 'Command'];
  if (typeof Command !== 'function') {
    throw new Error('the JS SDK has no ' + operation + 'Command');
  }
  return new Command(input);
}

function header(headers, name) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : headers[key];
}

function bodyText(body) {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new TextDecoder('utf-8', { fatal: true }).decode(body);
}

// Header names as Node's HTTP stack hands them to the SDK: lowercase.
function lowercaseKeys(headers) {
  const out = {};
  for (const [k, v] of Object.entries(headers || {})) out[k.toLowerCase()] = v;
  return out;
}

// Parsed output as plain JSON: timestamps as ISO-8601 strings with milliseconds, blobs as base64, no $metadata.
function plain(value) {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$metadata' || v === undefined) continue;
      out[k] = plain(v);
    }
    return out;
  }
  return value;
}

async function runRequest(c) {
  const { client, seen } = clientAnswering({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
  await client.send(command(c.operation, c.input));
  const request = seen[0];
  return {
    id: c.id,
    operation: c.operation,
    method: request.method,
    path: request.path,
    contentType: header(request.headers, 'Content-Type'),
    target: header(request.headers, 'X-Amz-Target'),
    body: bodyText(request.body),
  };
}

async function runResponse(c) {
  const headers = lowercaseKeys(Object.assign({}, cases.responseHeaders || {}, c.headers || {}));
  const { client } = clientAnswering({ status: c.status, headers, body: c.body });
  try {
    const output = await client.send(command(c.operation, c.input || {}));
    return {
      id: c.id,
      operation: c.operation,
      outcome: 'result',
      httpStatusCode: output.$metadata.httpStatusCode,
      requestId: output.$metadata.requestId ?? null,
      result: plain(output),
    };
  } catch (error) {
    if (!error.$metadata) throw error; // not a service error: a bug in this script or the SDK
    const Modelled = sdk[error.name];
    return {
      id: c.id,
      operation: c.operation,
      outcome: 'error',
      httpStatusCode: error.$metadata.httpStatusCode,
      requestId: error.$metadata.requestId ?? null,
      error: {
        name: error.name,
        className: error.constructor.name,
        modelled: typeof Modelled === 'function' && Modelled !== sdk.CognitoIdentityProviderServiceException && error instanceof Modelled,
        message: error.message,
        fault: error.$fault,
      },
    };
  }
}

async function main() {
  const requests = [];
  for (const c of cases.requests) requests.push(await runRequest(c));
  const responses = [];
  for (const c of cases.responses) responses.push(await runResponse(c));
  const sdkVersion = require('@aws-sdk/client-cognito-identity-provider/package.json').version;
  process.stdout.write(JSON.stringify({ sdkVersion, requests, responses }, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write('differential.js failed: ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
});
