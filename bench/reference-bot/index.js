'use strict';
// A reference bot on the JS Bot Framework SDK (botbuilder 4.23.3), for CoachBot's side-by-side load runs.
// CloudAdapter with no auth (empty app id: no inbound token check, no outbound token), ConversationState on
// Azure Tables (Azurite): per message turn one read and one write of the state, then a reply (a question)
// through the Connector at the activity's serviceUrl — the same shape of work as CoachBot's turn.
//
// Usage: node index.js --port 3979 --storage "<Azurite connection string>" [--table refbotstate]
// Binds 127.0.0.1 only.
const http = require('node:http');
const {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
} = require('botbuilder');
const { TableStorage } = require('./tableStorage');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('port', '3979'));
const connectionString = arg('storage', process.env.REFBOT_STORAGE);
if (!connectionString) {
  console.error('--storage <connection string> is required');
  process.exit(2);
}
const maxBodyBytes = 256 * 1024; // same limit as CoachBot's Bot:MaxActivityBytes

const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error && error.message}`);
  throw error;
};

const storage = new TableStorage(connectionString, arg('table', 'refbotstate'));
const conversationState = new ConversationState(storage);
const coaching = conversationState.createProperty('coaching');

const questions = [
  'What have you done about this so far?',
  'What would a good outcome look like for you?',
  'What options do you see?',
  'What do you think must be done, and by when?',
  'What will you do first, and by which date?',
];

async function onTurn(context) {
  if (context.activity.type !== ActivityTypes.Message) return;
  const state = await coaching.get(context, { turns: 0, stage: 'Reality', topics: {} }); // one read (state.load)
  const text = (context.activity.text || '').toLowerCase();
  const topic = text.includes('price') ? 'pricing' : text.includes('demo') ? 'demo' : text.includes('ghost') ? 'silence' : 'general';
  state.turns += 1;
  state.topics[topic] = (state.topics[topic] || 0) + 1;
  state.stage = ['Goal', 'Reality', 'Options', 'Will'][state.turns % 4];
  state.lastAt = new Date().toISOString();
  await conversationState.saveChanges(context); // one write
  await context.sendActivity(questions[state.turns % questions.length]); // reply through the Connector
}

function shimResponse(res) {
  let status = 200;
  return {
    socket: res.socket,
    status(code) { status = code; },
    header(name, value) { res.setHeader(name, value); },
    send(body) {
      if (body !== undefined && body !== null) {
        const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
        if (typeof body !== 'string' && !Buffer.isBuffer(body)) res.setHeader('Content-Type', 'application/json');
        res.statusCode = status;
        res.end(payload);
      } else {
        res.statusCode = status;
        res.end();
      }
    },
    end() {
      if (!res.writableEnded) {
        res.statusCode = status;
        res.end();
      }
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.statusCode = 200;
    res.end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (c) => {
    size += c.length;
    if (size > maxBodyBytes) tooLarge = true;
    else chunks.push(c);
  });
  req.on('end', async () => {
    if (tooLarge) {
      res.statusCode = 413;
      res.end();
      return;
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const shim = shimResponse(res);
    try {
      await adapter.process({ body, headers: req.headers, method: req.method }, shim, onTurn);
    } catch (e) {
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    }
  });
});
server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => console.log(`reference bot listening on http://127.0.0.1:${port}`));
