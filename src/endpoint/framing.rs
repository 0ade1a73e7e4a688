//! Requests framed two ways at once, seen on the wire: a head with both `Content-Length` and
//! `Transfer-Encoding`. hyper serves such a request (it drops `Content-Length`, lets the
//! chunked body win and closes after), so the handler cannot see it; RFC 9112 (6.3) says a
//! server ought to refuse it, since a proxy in front may have read the body by the other
//! length, and the bytes left over are then a request smuggled past it. `Scanned` reads each
//! request head as it passes and tells the connection's service (`Heads::next`) which heads
//! had both.

use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::MAX_HEADER_BYTES;

/// What the scanner saw of each request head, oldest first; the service takes one per request.
#[derive(Debug, Default)]
pub struct Heads(Mutex<VecDeque<bool>>);

impl Heads {
    /// Whether the next request's head had both lengths. `false` once the scanner no longer
    /// follows the connection (after a chunked body: its requests then close the connection).
    pub fn next(&self) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
            .unwrap_or(false)
    }

    fn push(&self, both: bool) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(both);
    }
}

/// Where the scanner is in the byte stream of a connection.
#[derive(Debug)]
enum State {
    /// In a request head: its bytes so far, and whether the current line is empty so far.
    Head { bytes: Vec<u8>, blank_line: bool },
    /// In a body of known length: the bytes still to come.
    Body(u64),
    /// No longer followed: after a chunked body (the service closes such a connection after
    /// its response) or a head too long for hyper to take.
    Blind,
}

/// A connection's stream, its request heads read on the way in.
pub struct Scanned<S> {
    io: S,
    state: State,
    heads: Arc<Heads>,
}

impl<S> Scanned<S> {
    pub fn new(io: S, heads: Arc<Heads>) -> Scanned<S> {
        Scanned {
            io,
            state: State::head(),
            heads,
        }
    }

    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            match &mut self.state {
                State::Blind => return,
                State::Body(left) => {
                    let n = (*left).min(bytes.len() as u64);
                    bytes = &bytes[n as usize..];
                    *left -= n;
                    if *left == 0 {
                        self.state = State::head();
                    }
                }
                State::Head {
                    bytes: head,
                    blank_line,
                } => {
                    if head.is_empty() {
                        // Empty lines before a request line are ignored (RFC 9112, 2.2).
                        let start = bytes.iter().take_while(|b| matches!(b, b'\r' | b'\n'));
                        bytes = &bytes[start.count()..];
                        if bytes.is_empty() {
                            return;
                        }
                    }
                    let mut end = None;
                    for (i, &b) in bytes.iter().enumerate() {
                        match b {
                            // A line ends with LF (CR before it or not); an empty one ends the head.
                            b'\n' if *blank_line => {
                                end = Some(i + 1);
                                break;
                            }
                            b'\n' => *blank_line = true,
                            b'\r' => {}
                            _ => *blank_line = false,
                        }
                    }
                    let Some(end) = end else {
                        head.extend_from_slice(bytes);
                        if head.len() > MAX_HEADER_BYTES + 1024 {
                            // hyper refuses it (431) and closes.
                            self.state = State::Blind;
                        }
                        return;
                    };
                    head.extend_from_slice(&bytes[..end]);
                    bytes = &bytes[end..];
                    let framing = Framing::of(head);
                    self.heads.push(framing.both());
                    self.state = framing.next();
                }
            }
        }
    }
}

impl State {
    fn head() -> State {
        State::Head {
            bytes: Vec::new(),
            blank_line: false,
        }
    }
}

/// How a head says its body is framed.
#[derive(Debug, PartialEq, Eq)]
struct Framing {
    /// The `Content-Length` value; `Err` when present but not a number.
    content_length: Option<Result<u64, ()>>,
    transfer_encoding: bool,
}

impl Framing {
    fn of(head: &[u8]) -> Framing {
        let mut framing = Framing {
            content_length: None,
            transfer_encoding: false,
        };
        // The first line is the request line.
        for line in head.split(|b| *b == b'\n').skip(1) {
            let Some(colon) = line.iter().position(|b| *b == b':') else {
                continue;
            };
            let (name, value) = (&line[..colon], &line[colon + 1..]);
            if name.eq_ignore_ascii_case(b"transfer-encoding") {
                framing.transfer_encoding = true;
            } else if name.eq_ignore_ascii_case(b"content-length") {
                let length = std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .ok_or(());
                // Two different lengths: hyper refuses the request and closes.
                framing.content_length = match framing.content_length {
                    Some(before) if before != length => Some(Err(())),
                    _ => Some(length),
                };
            }
        }
        framing
    }

    fn both(&self) -> bool {
        self.content_length.is_some() && self.transfer_encoding
    }

    fn next(&self) -> State {
        match (self.transfer_encoding, &self.content_length) {
            (false, None) | (false, Some(Ok(0))) => State::head(),
            (false, Some(Ok(n))) => State::Body(*n),
            // Chunked, or a length hyper refuses: the connection closes after this request.
            _ => State::Blind,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Scanned<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let read = Pin::new(&mut this.io).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = read {
            this.feed(&buf.filled()[before..]);
        }
        read
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Scanned<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verdicts for a connection's bytes, fed in pieces of `step` bytes.
    fn verdicts(wire: &[u8], step: usize) -> Vec<bool> {
        let heads = Arc::new(Heads::default());
        let mut scanned = Scanned::new((), heads.clone());
        for piece in wire.chunks(step) {
            scanned.feed(piece);
        }
        let mut seen = Vec::new();
        while let Some(v) = heads.0.lock().unwrap().pop_front() {
            seen.push(v);
        }
        seen
    }

    #[test]
    fn a_head_with_both_lengths_is_told_apart_however_the_bytes_arrive() {
        let both = b"POST /interactions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\ncontent-length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        let either = b"POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /healthz HTTP/1.1\r\n\r\n\r\nPOST / HTTP/1.1\nTransfer-Encoding: chunked\n\n";
        for step in [1, 2, 3, 7, 1000] {
            assert_eq!(verdicts(both, step), [true], "step {step}");
            // A body of its length is skipped, a head without one has none, and a chunked
            // body is the last followed.
            assert_eq!(verdicts(either, step), [false, false, false], "step {step}");
        }
        // Content-Length before Transfer-Encoding too, and bare LF line ends.
        let reversed = b"\r\nPOST / HTTP/1.1\nContent-Length: 3\nTransfer-Encoding: chunked\n\n";
        assert_eq!(verdicts(reversed, 5), [true]);
        // A body that looks like a head is a body.
        let body = b"POST / HTTP/1.1\r\nContent-Length: 40\r\n\r\nX: 1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n\r\n";
        assert_eq!(verdicts(body, 4), [false]);
    }
}
