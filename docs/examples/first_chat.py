"""First chat: two users, from sign-up to a read receipt and a resumed connection.

Run against a server in embedded mode (`npm start`):  python3 first_chat.py [http://localhost:3000]
Standard library only (Python 3.9+). A real app would use a WebSocket package such as
`websockets`; the small client below shows all the protocol needs: JSON text frames.
"""
import base64
import json
import os
import random
import socket
import string
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

API = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CHAT_URL", "http://localhost:3000")


def call(method, path, token=None, body=None):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        headers["content-type"] = "application/json"
        data = json.dumps(body).encode()
    request = urllib.request.Request(API + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as res:
            return None if res.status == 204 else json.load(res)
    except urllib.error.HTTPError as err:
        problem = json.load(err)
        raise RuntimeError(f"{method} {path}: {err.code} {problem['code']}: {problem['detail']}") from None


class WebSocket:
    """A minimal WebSocket client (RFC 6455) over a plain socket: text frames, ping, close."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 80))
        key = base64.b64encode(os.urandom(16)).decode()
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(4096)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(head.decode(errors="replace").splitlines()[0])

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _send_frame(self, opcode, payload):
        mask = os.urandom(4)
        size = len(payload)
        header = bytes([0x80 | opcode])
        if size < 126:
            header += bytes([0x80 | size])
        elif size < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", size)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", size)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, obj):
        self._send_frame(0x1, json.dumps(obj).encode())

    def recv(self):
        """The next JSON text frame; answers pings; raises ConnectionError on close."""
        while True:
            first, second = self._read(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack("!H", self._read(2))[0]
            elif size == 127:
                size = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(size)  # server frames are never masked
            opcode = first & 0x0F
            if opcode == 0x1:
                return json.loads(payload)
            if opcode == 0x9:
                self._send_frame(0xA, payload)
            elif opcode == 0x8:
                raise ConnectionError("closed by the server")

    def close(self):
        self._send_frame(0x8, struct.pack("!H", 1000))
        self.sock.close()


def new_user(name):
    """Signs up, follows the verification link and logs in."""
    username = f"{name}_" + "".join(random.choices(string.ascii_lowercase + string.digits, k=6))
    email = f"{username}@example.com"
    password = "correct horse battery"
    call("POST", "/signup", body={"username": username, "email": email, "password": password})
    # Development only: the server's outbox per address (in production the user clicks the mailed link).
    mails = []
    while not mails:
        time.sleep(0.05)
        mails = call("GET", "/dev/outbox?to=" + urllib.parse.quote(email))["mails"]
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(mails[0]["link"]).query)["token"][0]
    call("POST", "/verify-email", body={"token": token})
    tokens = call("POST", "/login", body={"email": email, "password": password})
    return {"username": username, "id": tokens["user"]["id"], "token": tokens["accessToken"], "seq": 0}


class Stream:
    """The user's WebSocket: `auth` frame first, then `ready`; every durable event is acked."""

    def __init__(self, user, since=None):
        self.user = user
        query = "" if since is None else f"?since={since}"
        self.ws = WebSocket(API.replace("http", "ws", 1) + "/ws" + query)
        self.ws.send({"type": "auth", "token": user["token"]})
        self.kept = []

    def next(self, frame_type):
        """The next frame of `frame_type` (frames of other types are kept for later)."""
        for i, frame in enumerate(self.kept):
            if frame["type"] == frame_type:
                return self.kept.pop(i)
        while True:
            frame = self.ws.recv()
            if "seq" in frame:
                self.user["seq"] = frame["seq"]
                self.ws.send({"type": "ack", "seq": frame["seq"]})
            if frame["type"] == frame_type:
                return frame
            self.kept.append(frame)


ann = new_user("ann")
ben = new_user("ben")
ann_ws = Stream(ann)
ben_ws = Stream(ben)
print("ann ready at seq", ann_ws.next("ready")["data"]["seq"])
print("ben ready at seq", ben_ws.next("ready")["data"]["seq"])

# Friends: Ann asks, Ben accepts.
request = call("POST", "/friends/add", ann["token"], {"username": ben["username"]})["request"]
ben_ws.next("friend.request_received")
call("POST", f"/friends/requests/{request['id']}/accept", ben["token"])
ann_ws.next("friend.request_accepted")
print("ann and ben are friends")

# Send -> message.created to both; Ben's ack -> message.delivered to Ann.
sent = call("POST", "/messages", ann["token"], {"recipientId": ben["id"], "text": "Hi Ben!", "clientMessageId": str(uuid.uuid4())})
print("ben got:", ben_ws.next("message.created")["data"]["text"])
ann_ws.next("message.created")  # Ann's own copy, on all her devices
print("delivered to ben up to conversation seq", ann_ws.next("message.delivered")["data"]["upToSeq"])

# Ben reads -> message.read to Ann.
call("POST", f"/messages/{sent['id']}/read", ben["token"])
print("read by ben up to conversation seq", ann_ws.next("message.read")["data"]["upToSeq"])

# Ben goes offline; Ann writes; Ben resumes after the last seq he saw and gets the replay.
ben_ws.ws.close()
call("POST", "/messages", ann["token"], {"recipientId": ben["id"], "text": "Still there?"})
ben_ws = Stream(ben, since=ben["seq"])
ben_ws.next("ready")
print("ben resumed and got:", ben_ws.next("message.created")["data"]["text"])

ann_ws.ws.close()
ben_ws.ws.close()
print("done")
