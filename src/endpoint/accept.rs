//! `serve`'s own accept loop: each connection with the header timeout and size cap, at most
//! `max_connections` at once, and at that cap the connection that has waited longest for a
//! request's headers or the rest of its body cut to make room, so that slow clients cannot
//! lock out a complete request; then, after SIGTERM or SIGINT, one deadline for the requests in flight and the
//! uploads under way together.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio_util::sync::CancellationToken;
use tracing::warn;

use super::framing::{Heads, Scanned};
use super::{MAX_BODY_BYTES, MAX_HEADER_BYTES};
use crate::config::ServerLimits;
use crate::runtime;
use crate::upload::Webhooks;

/// The connections waiting for a request's headers (a first request, or the next on a
/// kept-alive connection) or for the rest of its body, in the order they began to wait; and
/// a signal to the accept loop, at the cap, that one has begun to wait (so may be cut).
#[derive(Default)]
struct Waiting {
    order: Mutex<Order>,
    started: tokio::sync::Notify,
}

#[derive(Default)]
struct Order {
    /// The last stamp given; stamps start at 1 (0 is "in a request").
    stamp: u64,
    oldest_first: BTreeMap<u64, Waiter>,
}

/// One waiting connection: its cut, and whether it has its headers and waits for the rest of
/// the body (a request begun, which a shutdown lets finish within the deadline).
struct Waiter {
    cut: CancellationToken,
    in_body: bool,
}

impl Waiting {
    fn order(&self) -> std::sync::MutexGuard<'_, Order> {
        self.order.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `connection` waits for headers from now (at the end of the queue, if it was in it).
    fn start(&self, connection: &Connection) {
        {
            let mut order = self.order();
            let before = connection.stamp.swap(0, Ordering::Relaxed);
            order.oldest_first.remove(&before);
            order.stamp += 1;
            let stamp = order.stamp;
            let cut = connection.cut.clone();
            order.oldest_first.insert(
                stamp,
                Waiter {
                    cut,
                    in_body: false,
                },
            );
            connection.stamp.store(stamp, Ordering::Relaxed);
        }
        self.started.notify_one();
    }

    /// `connection` has its request's headers and waits for the body: still cut first at the
    /// cap (in its place in the queue), but no longer at shutdown.
    fn in_body(&self, connection: &Connection) {
        let stamp = connection.stamp.load(Ordering::Relaxed);
        if let Some(waiter) = self.order().oldest_first.get_mut(&stamp) {
            waiter.in_body = true;
        }
    }

    /// `connection` no longer waits: a request came whole, or it ended.
    fn stop(&self, connection: &Connection) {
        let stamp = connection.stamp.swap(0, Ordering::Relaxed);
        if stamp != 0 {
            self.order().oldest_first.remove(&stamp);
        }
    }

    /// Cuts the connection that has waited longest; false when every one is in a request.
    fn cut_oldest(&self) -> bool {
        let oldest = self.order().oldest_first.pop_first();
        oldest.map(|(_, waiter)| waiter.cut.cancel()).is_some()
    }

    /// Cuts every connection waiting for headers (at shutdown: they have no request to finish,
    /// and hyper would wait for a half-sent head until its timeout); those with a request's
    /// headers have until the shutdown deadline for its body.
    fn cut_all(&self) {
        let mut order = self.order();
        let waiting = std::mem::take(&mut order.oldest_first);
        for (stamp, waiter) in waiting {
            if waiter.in_body {
                order.oldest_first.insert(stamp, waiter);
            } else {
                waiter.cut.cancel();
            }
        }
    }
}

/// One connection's part in `Waiting`.
struct Connection {
    cut: CancellationToken,
    /// Its stamp while it waits for headers or a body; 0 while it is in a request.
    stamp: AtomicU64,
}

/// A request's body, whose connection stays in `Waiting` (cut first at the cap) until the
/// body is whole: a client that sends its headers and then trickles the body holds a slot no
/// longer than one that trickles its headers.
struct Watched {
    incoming: Incoming,
    /// Told once the body has ended.
    waiting: Option<(Arc<Waiting>, Arc<Connection>)>,
}

impl Watched {
    fn ended(&mut self) {
        if let Some((waiting, connection)) = self.waiting.take() {
            waiting.stop(&connection);
        }
    }
}

impl hyper::body::Body for Watched {
    type Data = <Incoming as hyper::body::Body>::Data;
    type Error = <Incoming as hyper::body::Body>::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let polled = Pin::new(&mut self.incoming).poll_frame(cx);
        if let std::task::Poll::Ready(None) = polled {
            self.ended();
        } else if self.incoming.is_end_stream() {
            self.ended();
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.incoming.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.incoming.size_hint()
    }
}

/// The router, with each request's start and end told to `Waiting` and a head framed two ways
/// refused (`framing`).
#[derive(Clone)]
struct Tracked {
    app: TowerToHyperService<Router>,
    connection: Arc<Connection>,
    waiting: Arc<Waiting>,
    heads: Arc<Heads>,
}

type Answer = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl hyper::service::Service<Request<Incoming>> for Tracked {
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn call(&self, request: Request<Incoming>) -> Answer {
        use hyper::body::Body as _;
        // Until its body is whole, the connection can still be cut at the cap.
        let request = if request.body().is_end_stream() {
            self.waiting.stop(&self.connection);
            request.map(|incoming| Watched {
                incoming,
                waiting: None,
            })
        } else {
            self.waiting.in_body(&self.connection);
            let waiting = Some((self.waiting.clone(), self.connection.clone()));
            request.map(|incoming| Watched { incoming, waiting })
        };
        if self.heads.next() {
            // Both Content-Length and Transfer-Encoding: refused, and the connection closed,
            // since where this body ends is in doubt (RFC 9112, 6.3).
            let mut refused = StatusCode::BAD_REQUEST.into_response();
            close(&mut refused);
            return Box::pin(async move { Ok(refused) });
        }
        // The scanner does not follow a chunked body, so the connection ends with it.
        let chunked = request.headers().contains_key(header::TRANSFER_ENCODING);
        let answer = hyper::service::Service::call(&self.app, request);
        let (connection, waiting) = (self.connection.clone(), self.waiting.clone());
        Box::pin(async move {
            let mut response = answer.await?;
            if chunked {
                close(&mut response);
            }
            // Answered: waiting for the next request's headers now.
            waiting.start(&connection);
            Ok(response)
        })
    }
}

fn close(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
}

/// Serves connections until SIGINT or SIGTERM, then lets the requests in flight and the
/// uploads under way finish within one shutdown deadline and drops whatever is left.
pub async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: ServerLimits,
    webhooks: &Webhooks,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_HEADER_BYTES.max(8192) + MAX_BODY_BYTES)
        .max_header_size(MAX_HEADER_BYTES)
        .keep_alive(true);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let waiting = Arc::new(Waiting::default());
    let mut stop = std::pin::pin!(runtime::shutdown_signal());
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors or a transient error: wait, then accept again.
                    warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = stop.as_mut() => break,
        };
        // A free slot; at the cap, the slot of the connection that has waited longest for
        // headers or a body, cut now: a client that sends its request at once is never the
        // oldest, so it is served however many others hold a connection open. When every
        // connection is in a request, this one waits for the first to end or to begin waiting
        // (then cut); later ones wait in the kernel's queue, and the open-files limit leaves
        // room for them.
        let slot = loop {
            if let Ok(slot) = slots.clone().try_acquire_owned() {
                break Some(slot);
            }
            let started = waiting.started.notified();
            let mut started = std::pin::pin!(started);
            started.as_mut().enable();
            if waiting.cut_oldest() {
                // The cut connection's slot comes back as soon as its task sees the cut.
                tokio::select! {
                    slot = slots.clone().acquire_owned() => break Some(slot.expect("the semaphore is never closed")),
                    _ = stop.as_mut() => break None,
                }
            }
            tokio::select! {
                slot = slots.clone().acquire_owned() => break Some(slot.expect("the semaphore is never closed")),
                _ = started => continue,
                _ = stop.as_mut() => break None,
            }
        };
        let Some(slot) = slot else { break };
        let connection = Arc::new(Connection {
            cut: CancellationToken::new(),
            stamp: AtomicU64::new(0),
        });
        waiting.start(&connection);
        let heads = Arc::new(Heads::default());
        let service = Tracked {
            app: TowerToHyperService::new(app.clone()),
            connection: connection.clone(),
            waiting: waiting.clone(),
            heads: heads.clone(),
        };
        let io = TokioIo::new(Scanned::new(stream, heads));
        let conn = graceful.watch(http.serve_connection(io, service));
        let waiting = waiting.clone();
        tokio::spawn(async move {
            // Timeouts and clients that go away end connections with an error: normal here.
            // A cut drops the connection, which closes its socket.
            tokio::select! {
                _ = conn => {}
                _ = connection.cut.cancelled() => {}
            }
            waiting.stop(&connection);
            drop(slot);
        });
    }
    drop(listener);
    waiting.cut_all();
    // One deadline from the signal, for requests and uploads alike.
    let deadline = tokio::time::Instant::now() + limits.shutdown_deadline;
    let requests = async {
        if tokio::time::timeout_at(deadline, graceful.shutdown())
            .await
            .is_err()
        {
            warn!(
                deadline_s = limits.shutdown_deadline.as_secs_f64(),
                "connections still open at the shutdown deadline were dropped"
            );
        }
    };
    tokio::join!(requests, webhooks.wait_until(deadline));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connection() -> Connection {
        Connection {
            cut: CancellationToken::new(),
            stamp: AtomicU64::new(0),
        }
    }

    #[test]
    fn the_connection_waiting_longest_for_headers_is_cut_first() {
        let waiting = Waiting::default();
        let (a, b, c) = (connection(), connection(), connection());
        waiting.start(&a);
        waiting.start(&b);
        waiting.start(&c);
        // `a` got its request: in a request, it is not cut.
        waiting.stop(&a);
        assert!(waiting.cut_oldest());
        assert!(b.cut.is_cancelled() && !a.cut.is_cancelled() && !c.cut.is_cancelled());
        // `a` answered and waits again: now after `c`.
        waiting.start(&a);
        assert!(waiting.cut_oldest());
        assert!(c.cut.is_cancelled() && !a.cut.is_cancelled());
        waiting.stop(&a);
        assert!(!waiting.cut_oldest(), "every connection is in a request");
        let (d, e) = (connection(), connection());
        waiting.start(&d);
        waiting.start(&e);
        waiting.cut_all();
        assert!(d.cut.is_cancelled() && e.cut.is_cancelled() && !a.cut.is_cancelled());
    }

    #[tokio::test]
    async fn a_connection_that_begins_to_wait_is_told_and_one_in_a_body_outlives_the_shutdown() {
        let waiting = Waiting::default();
        let (a, b) = (connection(), connection());
        waiting.start(&a);
        // The accept loop, at the cap with every connection in a request, is woken when one
        // begins to wait: it may then be cut.
        let told = tokio::time::timeout(Duration::ZERO, waiting.started.notified()).await;
        assert!(told.is_ok(), "the accept loop is told");
        waiting.start(&b);
        // `a` has its headers and waits for its body: cut first at the cap still, but a
        // shutdown lets it finish within the deadline.
        waiting.in_body(&a);
        waiting.cut_all();
        assert!(b.cut.is_cancelled() && !a.cut.is_cancelled());
        assert!(waiting.cut_oldest());
        assert!(a.cut.is_cancelled());
        assert!(!waiting.cut_oldest());
    }
}
