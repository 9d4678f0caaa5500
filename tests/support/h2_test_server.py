#!/usr/bin/python3
"""A scripted HTTPS test server for 127.0.0.1 that speaks HTTP/2 (h2) or HTTP/1.1.

Used by tests/integration/tst_http2writes.cpp to count exactly how many times a
write reached a server, and when, with Qt's HTTP/2 stack on the client side.
Needs Debian's python3-h2 (run it with /usr/bin/python3).

    h2_test_server.py --cert C.pem --key K.pem [--alpn h2|http/1.1]
                      [--max-streams N] [--lifetime SECONDS]

Prints "listening on PORT" once it accepts connections, then one line per event
on standard output (flushed), each "EVENT key=value ...", t = seconds since start:

    CONNECTION conn=1 alpn=h2 t=0.012
    HEADERS conn=1 stream=1 method=POST path=/v1.0/x t=0.020        (request head arrived)
    REQUEST conn=1 stream=1 method=POST path=/v1.0/x bytes=93 t=0.021  (complete request)
    RESPONSE conn=1 stream=1 status=201 t=2.522
    RESET conn=1 stream=3 code=8 t=5.001      (the client cancelled the stream: RST_STREAM)
    CLOSED conn=1 t=6.000

For HTTP/1.1 "stream" is the request's number on its connection (1, 2, ...).

What the server does with a request is scripted per request, by request header
or by query parameter (header wins):
    x-test-delay-ms / delay_ms   wait this long after the whole request arrived
                                 before answering (default 0)
    x-test-never / never=1       never answer (the stream stays open)
    x-test-status / status       the status code (default 201 for POST, else 200)
The answer is a small Graph-like JSON object with a request-id header.
The server stops by itself after --lifetime seconds (default 120) so that a
crashed test never leaves it behind.
"""

import argparse
import asyncio
import json
import ssl
import sys
import time
import urllib.parse
import uuid

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import h2.settings

START = time.monotonic()


def log(event, **fields):
    parts = [event] + ["%s=%s" % (k, v) for k, v in fields.items()]
    parts.append("t=%.3f" % (time.monotonic() - START))
    sys.stdout.write(" ".join(parts) + "\n")
    sys.stdout.flush()


def behaviour(method, path, headers):
    """(delay seconds, never answer, status) for one request."""
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))

    def pick(header, param, default):
        if header in headers:
            return headers[header]
        return query.get(param, default)

    delay_ms = int(pick("x-test-delay-ms", "delay_ms", "0"))
    never = pick("x-test-never", "never", "0") not in ("0", "", "false")
    status = int(pick("x-test-status", "status", "201" if method == "POST" else "200"))
    return delay_ms / 1000.0, never, status


def answer_body(method, status):
    if status == 204:
        return b""
    if status >= 400:
        obj = {"error": {"code": "testError", "message": "Scripted HTTP %d" % status}}
    elif method == "POST":
        obj = {
            "@odata.type": "#microsoft.graph.enrollmentConfigurationAssignment",
            "id": str(uuid.uuid4()),
            "target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"},
        }
    else:
        obj = {"value": []}
    return json.dumps(obj).encode()


class H2Connection:
    def __init__(self, conn_id, reader, writer, max_streams):
        self.conn_id = conn_id
        self.reader = reader
        self.writer = writer
        config = h2.config.H2Configuration(client_side=False, header_encoding="utf-8")
        self.conn = h2.connection.H2Connection(config=config)
        self.max_streams = max_streams
        self.requests = {}  # stream id -> [headers dict, body bytes]
        self.open_streams = set()

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            self.writer.write(data)

    async def run(self):
        self.conn.initiate_connection()
        if self.max_streams:
            self.conn.update_settings({h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS: self.max_streams})
        self.flush()
        while True:
            data = await self.reader.read(65536)
            if not data:
                return
            try:
                events = self.conn.receive_data(data)
            except h2.exceptions.ProtocolError as e:
                log("PROTOCOL_ERROR", conn=self.conn_id, what=repr(str(e)).replace(" ", "_"))
                self.flush()
                return
            for event in events:
                self.handle(event)
            self.flush()

    def handle(self, event):
        if isinstance(event, h2.events.RequestReceived):
            headers = {k.lower(): v for k, v in event.headers}
            self.requests[event.stream_id] = [headers, b""]
            self.open_streams.add(event.stream_id)
            log("HEADERS", conn=self.conn_id, stream=event.stream_id, method=headers.get(":method"),
                path=headers.get(":path"))
            if event.stream_ended:
                self.complete(event.stream_id)
        elif isinstance(event, h2.events.DataReceived):
            if event.stream_id in self.requests:
                self.requests[event.stream_id][1] += event.data
            self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            if event.stream_ended:
                self.complete(event.stream_id)
        elif isinstance(event, h2.events.StreamReset):
            self.open_streams.discard(event.stream_id)
            log("RESET", conn=self.conn_id, stream=event.stream_id, code=int(event.error_code))
        elif isinstance(event, h2.events.ConnectionTerminated):
            log("GOAWAY_RECEIVED", conn=self.conn_id, code=int(event.error_code))

    def complete(self, stream_id):
        headers, body = self.requests.pop(stream_id)
        method, path = headers.get(":method"), headers.get(":path")
        log("REQUEST", conn=self.conn_id, stream=stream_id, method=method, path=path, bytes=len(body))
        delay, never, status = behaviour(method, path, headers)
        if never:
            return
        asyncio.get_running_loop().create_task(self.respond(stream_id, method, delay, status))

    async def respond(self, stream_id, method, delay, status):
        if delay:
            await asyncio.sleep(delay)
        if stream_id not in self.open_streams or self.writer.is_closing():
            log("NOT_ANSWERED", conn=self.conn_id, stream=stream_id, why="stream_gone")
            return
        body = answer_body(method, status)
        try:
            self.conn.send_headers(stream_id, [
                (":status", str(status)),
                ("content-type", "application/json"),
                ("content-length", str(len(body))),
                ("request-id", str(uuid.uuid4())),
            ], end_stream=not body)
            if body:
                self.conn.send_data(stream_id, body, end_stream=True)
        except (h2.exceptions.StreamClosedError, h2.exceptions.ProtocolError) as e:
            log("NOT_ANSWERED", conn=self.conn_id, stream=stream_id, why=type(e).__name__)
            return
        self.open_streams.discard(stream_id)
        log("RESPONSE", conn=self.conn_id, stream=stream_id, status=status)
        self.flush()


REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


async def serve_http1(conn_id, reader, writer):
    number = 0
    while True:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            return
        number += 1
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        log("HEADERS", conn=conn_id, stream=number, method=method, path=path)
        length = int(headers.get("content-length", "0"))
        try:
            body = await reader.readexactly(length) if length else b""
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        log("REQUEST", conn=conn_id, stream=number, method=method, path=path, bytes=len(body))
        delay, never, status = behaviour(method, path, headers)
        if never:
            # Wait until the client gives up and closes the connection.
            await reader.read()
            return
        if delay:
            await asyncio.sleep(delay)
        if writer.is_closing():
            log("NOT_ANSWERED", conn=conn_id, stream=number, why="closed")
            return
        payload = answer_body(method, status)
        writer.write(("HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                      "request-id: %s\r\n\r\n" % (status, REASONS.get(status, "Status"), len(payload),
                                                  uuid.uuid4())).encode("latin-1") + payload)
        try:
            await writer.drain()
        except ConnectionError:
            log("NOT_ANSWERED", conn=conn_id, stream=number, why="reset")
            return
        log("RESPONSE", conn=conn_id, stream=number, status=status)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--alpn", default="h2", choices=["h2", "http/1.1"])
    parser.add_argument("--max-streams", type=int, default=0,
                        help="SETTINGS_MAX_CONCURRENT_STREAMS to announce (h2; 0: h2's default)")
    parser.add_argument("--lifetime", type=float, default=120.0)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(args.cert, args.key)
    context.set_alpn_protocols([args.alpn])

    counter = [0]

    async def on_connection(reader, writer):
        counter[0] += 1
        conn_id = counter[0]
        ssl_object = writer.get_extra_info("ssl_object")
        alpn = ssl_object.selected_alpn_protocol() if ssl_object else None
        log("CONNECTION", conn=conn_id, alpn=alpn or "none")
        try:
            if alpn == "h2":
                await H2Connection(conn_id, reader, writer, args.max_streams).run()
            else:
                await serve_http1(conn_id, reader, writer)
        except (ConnectionError, ssl.SSLError) as e:
            log("CONNECTION_ERROR", conn=conn_id, what=type(e).__name__)
        finally:
            log("CLOSED", conn=conn_id)
            writer.close()

    server = await asyncio.start_server(on_connection, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write("listening on %d\n" % port)
    sys.stdout.flush()
    async with server:
        await asyncio.sleep(args.lifetime)
    log("LIFETIME_OVER")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
