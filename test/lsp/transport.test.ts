import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import {
	GuardedMessageReader,
	maxMessageBytes,
	requestId,
	DEFAULT_MAX_MESSAGE_BYTES,
} from '../../server/src/lsp/transport';

/** A guarded reader over a stream, and what it delivered, answered and logged, in order. */
function reader(max = 1000) {
	const stream = new PassThrough();
	const events: [string, unknown][] = [];
	const r = new GuardedMessageReader(stream, {
		maxMessageBytes: max,
		reply: (m) => events.push(['reply', m]),
		log: (l) => events.push(['log', l]),
	});
	r.listen((m) => events.push(['message', m]));
	// Each chunk as the stream hands it over ('data' event), synchronously.
	return {
		events,
		write: (b: string | Buffer) => void stream.emit('data', typeof b === 'string' ? Buffer.from(b, 'utf8') : b),
	};
}

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const A = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'a', params: { text: 'หน้าเว็บ' } });
const B = JSON.stringify({ jsonrpc: '2.0', method: 'b' });

describe('guarded JSON-RPC reader', () => {
	it('reads messages however the bytes are cut: one byte at a time, several in one chunk', () => {
		const bytes = Buffer.from(
			frame(A) + frame(B) + `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame(A)}`,
			'utf8',
		);
		for (const cut of [1, 2, 7, 64, bytes.length]) {
			const { write, events } = reader();
			for (let i = 0; i < bytes.length; i += cut) write(bytes.subarray(i, i + cut));
			assert.deepEqual(
				events,
				[
					['message', JSON.parse(A)],
					['message', JSON.parse(B)],
					['message', JSON.parse(A)],
				],
				`cut ${cut}`,
			);
		}
	});

	it('skips a body over the limit as it arrives, answers its request, and reads the message after it', () => {
		const big = JSON.stringify({
			jsonrpc: '2.0',
			id: 'req-9',
			method: 'textDocument/hover',
			params: { pad: 'x'.repeat(5000) },
		});
		const bytes = Buffer.from(frame(big) + frame(B), 'utf8');
		for (const cut of [1, 100, 4096, bytes.length]) {
			const { write, events } = reader();
			for (let i = 0; i < bytes.length; i += cut) write(bytes.subarray(i, i + cut));
			assert.deepEqual(
				events.map(([k]) => k),
				['log', 'reply', 'message'],
				`cut ${cut}`,
			);
			assert.match(
				String(events[0][1]),
				/refused a message of 5080 bytes \(Content-Length\), over the limit of 1000 bytes/,
			);
			assert.deepEqual(events[1][1], {
				jsonrpc: '2.0',
				id: 'req-9',
				error: {
					code: -32600,
					message: "Invalid Request: the message has 5080 bytes, over the server's limit of 1000 bytes",
				},
			});
			assert.deepEqual(events[2][1], JSON.parse(B));
		}
	});

	it('answers a body that is not JSON with -32700 and one that is no object with -32600, id null, and goes on', () => {
		const { write, events } = reader();
		write(frame('{"jsonrpc":"2.0","id":3,"meth') + frame('null') + frame(B));
		assert.deepEqual(
			events.map(([k, v]) =>
				k === 'reply'
					? [
							k,
							(v as { id: unknown; error: { code: number } }).id,
							(v as { error: { code: number } }).error.code,
						]
					: [k],
			),
			[['log'], ['reply', null, -32700], ['log'], ['reply', null, -32600], ['message']],
		);
	});

	it('drops headers without a Content-Length, and input with no header end in 16 KB, keeping memory bounded', () => {
		const { write, events } = reader();
		write(`Content-Type: x\r\n\r\n${frame(B)}`);
		assert.deepEqual(
			events.map(([k]) => k),
			['log', 'message'],
		);
		const junk = reader();
		junk.write('x'.repeat(20_000));
		junk.write(frame(B));
		assert.equal(junk.events[0][0], 'log');
		assert.match(String(junk.events[0][1]), /dropped 20000 bytes of input that hold no JSON-RPC header/);
		assert.deepEqual(junk.events.slice(1), [['message', JSON.parse(B)]]);
		assert.equal(junk.events.length, 2);
	});

	it('finds a request id only before params, and none in a notification', () => {
		assert.equal(requestId('{"jsonrpc":"2.0","id":12,"method":"x","params":{"id":5'), 12);
		assert.equal(requestId('{"jsonrpc":"2.0","id":"a\\"b","method":"x","params":{'), 'a"b');
		assert.equal(requestId('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"id":5,'), undefined);
		assert.equal(requestId('{"jsonrpc":"2.0","method":"x","params":{"text":"aaa'), undefined);
		assert.equal(requestId('aaaa'), undefined);
	});

	it('takes the limit from --max-message-bytes, then the environment, else 64 MiB', () => {
		assert.equal(DEFAULT_MAX_MESSAGE_BYTES, 64 * 1024 * 1024);
		assert.equal(maxMessageBytes(['--stdio', '--max-message-bytes=5000'], {}), 5000);
		assert.equal(
			maxMessageBytes(['--max-message-bytes', '6000'], { DISCLOSURE_LINT_MAX_MESSAGE_BYTES: '7' }),
			6000,
		);
		assert.equal(maxMessageBytes([], { DISCLOSURE_LINT_MAX_MESSAGE_BYTES: '7000' }), 7000);
		assert.equal(maxMessageBytes([], { DISCLOSURE_LINT_MAX_MESSAGE_BYTES: 'lots' }), DEFAULT_MAX_MESSAGE_BYTES);
		assert.equal(maxMessageBytes(['--max-message-bytes=-1'], {}), DEFAULT_MAX_MESSAGE_BYTES);
	});
});
