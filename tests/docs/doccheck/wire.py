# SPDX-License-Identifier: EUPL-1.2
"""The server as a client sees it: the process, HTTP requests and live (WebSocket) connections.

Only the standard library: a WebSocket client is small (RFC 6455: one handshake, masked frames
out, plain frames in), and a test of the docs should not need an npm or pip install to run.
"""
import base64
import hashlib
import http.client
import json
import os
import queue
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time

WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Server:
    """`intervisie serve` on a free port, with a data directory of its own."""

    def __init__(self, binary, methods_dir, extra=(), data_parent=None, sessions_per_minute=1000):
        """`extra`: more options of `serve`; `data_parent`: where the data directory is made
        (bench/memory puts it in /dev/shm)."""
        self.data = tempfile.mkdtemp(prefix="intervisie-docs-", dir=data_parent)
        args = [binary, "serve", "--port", "0", "--host", "127.0.0.1", "--data", self.data,
                "--methods-dir", methods_dir,
                "--minimal-password-cost", "--sessions-per-minute", str(sessions_per_minute), *extra]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        self.log = []
        self.port = None
        deadline = time.monotonic() + 30
        while self.port is None:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("intervisie serve ended before it listened:\n"
                                   + "".join(self.log))
            self.log.append(line)
            found = re.search(r"listening on port (\d+)", line)
            if found:
                self.port = int(found.group(1))
            if time.monotonic() > deadline:
                raise RuntimeError("intervisie serve did not listen within 30 s")
        # Keep reading its output, so that it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()
        self.base = f"http://localhost:{self.port}"

    def _drain(self):
        for line in self.process.stdout:
            self.log.append(line)

    def stop(self):
        """Stops the server as an operator would (SIGTERM); returns its exit code, which is 0
        unless something went wrong (a sanitizer's report, say)."""
        self.process.terminate()
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        shutil.rmtree(self.data, ignore_errors=True)
        return code


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # name (lower case) -> value
        self.text = body.decode("utf-8", errors="replace")
        try:
            self.json = json.loads(self.text) if self.text else None
        except ValueError:
            self.json = None

    def __repr__(self):
        return f"{self.status} {self.text[:300]}"


def request(port, method, path, body=None, headers=None):
    """One HTTP request; `body` is bytes, a str, or anything JSON can write."""
    if body is not None and not isinstance(body, (bytes, str)):
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode("utf-8")
    all_headers = {"Content-Type": "application/json"} if body is not None else {}
    all_headers.update(headers or {})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=all_headers)
        answer = connection.getresponse()
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()},
                        answer.read())
    finally:
        connection.close()


def raw(port, data):
    """Sends bytes as they are and reads the answer (for what http.client will not send)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return Response(int(lines[0].split(" ")[1]), headers, body)


class Closed(Exception):
    pass


class Live:
    """One live connection. Messages arrive on a thread into a queue; `next` takes them."""

    def __init__(self, port, path, origin=None, name="?", on_message=None):
        self.name = name
        self.status = None
        self.refusal = None  # the HTTP answer to a refused upgrade
        self.messages = queue.Queue()
        self.closed_with = None
        self._on_message = on_message
        self._send_lock = threading.Lock()
        self._socket = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET {path} HTTP/1.1", f"Host: localhost:{port}", "Upgrade: websocket",
                 "Connection: Upgrade", f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if origin:
            lines.append(f"Origin: {origin}")
        self._socket.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        self._buffer = b""
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        self.status = int(head.split(" ", 2)[1])
        if self.status != 101:
            length = re.search(r"(?im)^content-length:\s*(\d+)", head)
            body = self._read_exactly(int(length.group(1))) if length else b""
            self.refusal = Response(self.status, {}, body)
            self._socket.close()
            return
        accept = base64.b64encode(hashlib.sha1((key + WEBSOCKET_GUID).encode()).digest())
        if accept.decode() not in head:
            raise RuntimeError("the server's Sec-WebSocket-Accept is wrong")
        self._socket.settimeout(None)
        threading.Thread(target=self._read_frames, daemon=True).start()

    def _read_until(self, marker):
        while marker not in self._buffer:
            chunk = self._socket.recv(65536)
            if not chunk:
                raise Closed("connection closed during the handshake")
            self._buffer += chunk
        head, _, self._buffer = self._buffer.partition(marker)
        return head

    def _read_exactly(self, count):
        while len(self._buffer) < count:
            chunk = self._socket.recv(65536)
            if not chunk:
                raise Closed("connection closed")
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def _read_frames(self):
        pieces = []
        try:
            while True:
                first, second = self._read_exactly(2)
                opcode = first & 0x0F
                length = second & 0x7F
                if length == 126:
                    length = struct.unpack("!H", self._read_exactly(2))[0]
                elif length == 127:
                    length = struct.unpack("!Q", self._read_exactly(8))[0]
                payload = self._read_exactly(length)
                if opcode == 0x9:  # ping
                    self._send_frame(0xA, payload)
                elif opcode == 0x8:  # close
                    self.closed_with = struct.unpack("!H", payload[:2])[0] if payload else 1005
                    break
                elif opcode in (0x0, 0x1, 0x2):
                    pieces.append(payload)
                    if first & 0x80:  # FIN
                        text = b"".join(pieces).decode("utf-8")
                        pieces = []
                        message = json.loads(text)
                        if self._on_message:
                            self._on_message(self, message)
                        self.messages.put(message)
        except (Closed, OSError, ValueError):
            pass
        self.messages.put(Closed(f"{self.name}'s connection closed"))

    def _send_frame(self, opcode, payload):
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        elif length < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        with self._send_lock:
            self._socket.sendall(header + mask + masked)

    def send(self, message):
        text = message if isinstance(message, str) else json.dumps(message, ensure_ascii=False)
        self._send_frame(0x1, text.encode("utf-8"))

    def next(self, timeout=5.0):
        """The next message; raises Closed when the connection ended, TimeoutError after
        `timeout` seconds without one."""
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"{self.name} received nothing within {timeout} s") from None
        if isinstance(message, Closed):
            self.messages.put(message)
            raise message
        return message

    def pending(self, wait=0.0):
        """Whatever has arrived (after waiting `wait` seconds), without blocking longer."""
        if wait:
            time.sleep(wait)
        found = []
        while True:
            try:
                message = self.messages.get_nowait()
            except queue.Empty:
                return found
            if isinstance(message, Closed):
                self.messages.put(message)
                return found
            found.append(message)

    def close(self):
        try:
            self._send_frame(0x8, struct.pack("!H", 1000))
        except OSError:
            pass
        self.drop()

    def drop(self):
        """Gone without a goodbye, as a phone in a tunnel."""
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._socket.close()
