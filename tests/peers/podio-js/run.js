'use strict';
// Drives a Podio API with podio-js 1.6.1 exactly as its users do: the SDK is used through its
// public interface only, pointed at the API with its `apiURL` constructor option.
//
// Settings come from the environment (never the command line, where other users can read
// them): PODIO_API_URL, PODIO_CLIENT_ID, PODIO_CLIENT_SECRET, PODIO_USERNAME, PODIO_PASSWORD.
// The only argument is the path of a file to upload.
//
// The run has three phases. Each prints one JSON line on stdout; phases two and three start
// when a line arrives on stdin, so the caller can move the API's clock in between:
//   1. password sign-in, user status, a new organization listed, a space, an app with fields,
//      an item with values read back, a file uploaded and attached, a 404;
//   2. (token expired) user status again: the SDK refreshes and replays, then updates the item;
//   3. (token expired again) a file upload: the SDK refreshes and replays the upload.
// Tokens never appear in the output: only whether they changed.

const readline = require('readline');
const path = require('path');
const Podio = require('podio-js').api;

function setting(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const uploadPath = process.argv[2];
if (!uploadPath) {
  throw new Error('usage: node run.js FILE_TO_UPLOAD');
}

const refreshed = [];
const podio = new Podio(
  {
    authType: 'password',
    clientId: setting('PODIO_CLIENT_ID'),
    clientSecret: setting('PODIO_CLIENT_SECRET'),
  },
  {
    apiURL: setting('PODIO_API_URL'),
    afterTokenRefreshed: (token) => refreshed.push(token),
  },
);

function signIn(username, password) {
  return new Promise((resolve, reject) => {
    podio.authenticateWithCredentials(username, password, (err, token) =>
      err ? reject(err) : resolve(token),
    );
  });
}

function currentAccessToken() {
  return podio.authObject ? podio.authObject.accessToken : null;
}

// podio-js's documented way to tell its errors apart is their `name` (its error handling
// page); `message` holds Podio's error body.
function describeError(err) {
  const body = err && typeof err.message === 'object' && err.message !== null ? err.message : {};
  return {
    name: err && err.name,
    is_error: err instanceof Error,
    status: err && err.status,
    error: body.error,
    error_description: body.error_description,
    url: err && err.url,
  };
}

function valuesByExternalId(item) {
  const values = {};
  for (const field of item.fields) {
    values[field.external_id] = field.values;
  }
  return values;
}

async function phaseOne() {
  const token = await signIn(setting('PODIO_USERNAME'), setting('PODIO_PASSWORD'));
  const status = await podio.request('GET', '/user/status');

  const org = await podio.request('POST', '/org/', { name: 'Peer Works' });
  const orgs = await podio.request('GET', '/org/');
  const space = await podio.request('POST', '/space/', {
    org_id: org.org_id,
    name: 'Peer Projects',
    privacy: 'closed',
  });
  const app = await podio.request('POST', '/app/', {
    space_id: space.space_id,
    config: { name: 'Deliveries', item_name: 'Delivery' },
    fields: [
      { type: 'text', config: { label: 'Title', required: true } },
      { type: 'number', config: { label: 'Amount', settings: { decimals: 2 } } },
      {
        type: 'category',
        config: {
          label: 'Stage',
          settings: { options: [{ text: 'Planned' }, { text: 'Shipped' }] },
        },
      },
    ],
  });
  const appFull = await podio.request('GET', `/app/${app.app_id}`);
  const planned = appFull.fields
    .find((field) => field.external_id === 'stage')
    .config.settings.options.find((option) => option.text === 'Planned');

  const created = await podio.request('POST', `/item/app/${app.app_id}/`, {
    fields: { title: 'First delivery', amount: 12.5, stage: planned.id },
    external_id: 'delivery-1',
  });

  const file = await podio.uploadFile(uploadPath, path.basename(uploadPath));
  await podio.request('POST', `/file/${file.file_id}/attach`, {
    ref_type: 'item',
    ref_id: created.item_id,
  });
  const item = await podio.request('GET', `/item/${created.item_id}`);

  let notFound = null;
  try {
    await podio.request('GET', '/item/999999999');
  } catch (err) {
    notFound = describeError(err);
  }

  return {
    phase: 1,
    token: { ref: token.ref, expires_in: token.expires_in, token_type: token.token_type },
    status: { user_id: status.user.user_id, mail: status.user.mail },
    org_id: org.org_id,
    orgs: orgs.map((entry) => ({ org_id: entry.org_id, name: entry.name })),
    space: { space_id: space.space_id, url: space.url },
    app_id: app.app_id,
    app_fields: appFull.fields.map((field) => ({
      type: field.type,
      external_id: field.external_id,
    })),
    item: {
      item_id: created.item_id,
      external_id: item.external_id,
      title: item.title,
      values: valuesByExternalId(item),
      files: item.files.map((entry) => ({ file_id: entry.file_id, name: entry.name })),
    },
    file: { file_id: file.file_id, name: file.name, size: file.size, mimetype: file.mimetype },
    not_found: notFound,
  };
}

async function phaseTwo(itemId) {
  const before = currentAccessToken();
  const status = await podio.request('GET', '/user/status');
  const after = currentAccessToken();
  await podio.request('PUT', `/item/${itemId}`, { fields: { title: 'Delivered' } });
  const item = await podio.request('GET', `/item/${itemId}`);
  return {
    phase: 2,
    refreshes: refreshed.length,
    token_changed: Boolean(before && after && before !== after),
    status: { user_id: status.user.user_id },
    item: { title: item.title, revision: item.current_revision.revision },
  };
}

async function phaseThree() {
  const before = currentAccessToken();
  const file = await podio.uploadFile(uploadPath, 'again.txt');
  return {
    phase: 3,
    refreshes: refreshed.length,
    token_changed: Boolean(before && currentAccessToken() !== before),
    file: { file_id: file.file_id, name: file.name, size: file.size },
  };
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const say = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

  const first = await phaseOne();
  say(first);
  await lines.next();
  say(await phaseTwo(first.item.item_id));
  await lines.next();
  say(await phaseThree());
  process.stdin.destroy();
}

main().catch((err) => {
  process.stderr.write(`${JSON.stringify(describeError(err))}\n`);
  process.exit(1);
});
