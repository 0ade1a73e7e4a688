//! `serve`'s own accept loop: each connection with the header timeout and size cap, at most
//! `max_connections` at once, and at that cap the connection that has waited longest for a
//! request's headers cut to make room, so that slow clients cannot lock out a complete
//! request; then, after SIGTERM or SIGINT, one deadline for the requests in flight and the
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
/// kept-alive connection), in the order they began to wait.
#[derive(Default)]
struct Waiting(Mutex<Order>);

#[derive(Default)]
struct Order {
    /// The last stamp given; stamps start at 1 (0 is "in a request").
    stamp: u64,
    oldest_first: BTreeMap<u64, CancellationToken>,
}

impl Waiting {
    fn order(&self) -> std::sync::MutexGuard<'_, Order> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `connection` waits for headers from now; its stamp.
    fn start(&self, connection: &Connection) {
        let mut order = self.order();
        order.stamp += 1;
        let stamp = order.stamp;
        order.oldest_first.insert(stamp, connection.cut.clone());
        connection.stamp.store(stamp, Ordering::Relaxed);
    }

    /// `connection` no longer waits: a request came, or it ended.
    fn stop(&self, connection: &Connection) {
        let stamp = connection.stamp.swap(0, Ordering::Relaxed);
        if stamp != 0 {
            self.order().oldest_first.remove(&stamp);
        }
    }

    /// Cuts the connection that has waited longest; false when every one is in a request.
    fn cut_oldest(&self) -> bool {
        let oldest = self.order().oldest_first.pop_first();
        oldest.map(|(_, cut)| cut.cancel()).is_some()
    }

    /// Cuts every connection waiting for headers (at shutdown: they have no request to finish,
    /// and hyper would wait for a half-sent head until its timeout).
    fn cut_all(&self) {
        let waiting = std::mem::take(&mut self.order().oldest_first);
        for cut in waiting.into_values() {
            cut.cancel();
        }
    }
}

/// One connection's part in `Waiting`.
struct Connection {
    cut: CancellationToken,
    /// Its stamp while it waits for headers; 0 while it is in a request.
    stamp: AtomicU64,
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
        self.waiting.stop(&self.connection);
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
        // headers, cut now: a client that sends its request at once is never the oldest, so
        // it is served however many others hold a connection open. When every connection is
        // in a request, this one waits for the first to end (and later ones in the kernel's
        // queue); the open-files limit leaves room for it.
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                waiting.cut_oldest();
                tokio::select! {
                    slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
                    _ = stop.as_mut() => break,
                }
            }
        };
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
}
