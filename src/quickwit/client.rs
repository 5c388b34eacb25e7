//! A blocking HTTP client for Quickwit's REST API (`/api/v1/...`), with time and size
//! bounds on every request and typed errors callers can branch on.

use serde_json::Value as Json;
use std::fmt;
use std::io::Read;

/// Seconds a request may take before it fails: ingest of a full batch on a busy
/// cluster is the slowest call.
const TIMEOUT_SECS: u64 = 120;

/// Largest response read, in bytes: a page of hits with their bodies, or the stream of
/// every document's fingerprint, stays far below this.
const MAX_RESPONSE: u64 = 512 << 20;

/// Why a request failed.
#[derive(Debug)]
pub enum ClientError {
    /// No answer: the node is down, the address is wrong, or it timed out.
    Unreachable {
        /// The URL requested (or the endpoint refused as not `http://`).
        url: String,
        /// Why no answer came, in the transport's words.
        reason: String,
    },
    /// Quickwit answered with an error status and this message.
    Status {
        /// The URL requested.
        url: String,
        /// The HTTP status code, outside 200–299.
        code: u16,
        /// Quickwit's `message`, else the first 500 characters of its answer.
        message: String,
    },
    /// The answer was not what the API documents.
    BadResponse {
        /// The URL requested.
        url: String,
        /// What was wrong with the answer (not JSON, not UTF-8, too large).
        reason: String,
    },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Unreachable { url, reason } => write!(
                f,
                "cannot reach Quickwit at {url} ({reason}); check --endpoint / DOCKETEER_ENDPOINT and that the cluster is up"
            ),
            ClientError::Status { url, code, message } => {
                write!(f, "Quickwit answered {code} to {url}: {message}")
            }
            ClientError::BadResponse { url, reason } => {
                write!(f, "unexpected answer from Quickwit at {url}: {reason}")
            }
        }
    }
}

impl std::error::Error for ClientError {}

impl ClientError {
    /// The HTTP status, when Quickwit answered with one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Status { code, .. } => Some(*code),
            _ => None,
        }
    }
}

/// A Quickwit endpoint such as `http://127.0.0.1:7280`.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
}

impl Client {
    /// A client for `endpoint`; only `http://` is spoken (put a TLS proxy in front for https).
    pub fn new(endpoint: &str) -> Result<Client, ClientError> {
        let base = endpoint.trim().trim_end_matches('/').to_string();
        if !base.starts_with("http://") {
            return Err(ClientError::Unreachable {
                url: base,
                reason: "the endpoint must be an http:// URL, e.g. http://127.0.0.1:7280".into(),
            });
        }
        Ok(Client { base })
    }

    /// The endpoint this client talks to.
    pub fn endpoint(&self) -> &str {
        &self.base
    }

    /// GET a JSON document.
    pub fn get(&self, path: &str, params: &[(&str, String)]) -> Result<Json, ClientError> {
        let req = minreq::get(self.url(path));
        self.send_json(with_params(req, params), path)
    }

    /// GET a text body (streams).
    pub fn get_text(&self, path: &str, params: &[(&str, String)]) -> Result<String, ClientError> {
        let req = minreq::get(self.url(path));
        let bytes = self.send(with_params(req, params), path)?;
        String::from_utf8(bytes).map_err(|e| ClientError::BadResponse {
            url: self.url(path),
            reason: e.to_string(),
        })
    }

    /// POST a JSON body.
    pub fn post_json(&self, path: &str, body: &Json) -> Result<Json, ClientError> {
        let req = minreq::post(self.url(path))
            .with_header("Content-Type", "application/json")
            .with_body(body.to_string());
        self.send_json(req, path)
    }

    /// POST newline-delimited JSON.
    pub fn post_ndjson(
        &self,
        path: &str,
        params: &[(&str, String)],
        body: Vec<u8>,
    ) -> Result<Json, ClientError> {
        let req = minreq::post(self.url(path))
            .with_header("Content-Type", "application/x-ndjson")
            .with_body(body);
        self.send_json(with_params(req, params), path)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    fn send_json(&self, req: minreq::Request, path: &str) -> Result<Json, ClientError> {
        let bytes = self.send(req, path)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Json::Null);
        }
        serde_json::from_slice(&bytes).map_err(|e| ClientError::BadResponse {
            url: self.url(path),
            reason: format!("not JSON ({e})"),
        })
    }

    fn send(&self, req: minreq::Request, path: &str) -> Result<Vec<u8>, ClientError> {
        let url = self.url(path);
        let unreachable = |e: &dyn fmt::Display| ClientError::Unreachable {
            url: url.clone(),
            reason: e.to_string(),
        };
        let resp = req
            .with_timeout(TIMEOUT_SECS)
            .send_lazy()
            .map_err(|e| unreachable(&e))?;
        let code = resp.status_code;
        let mut body = Vec::new();
        resp.take(MAX_RESPONSE + 1)
            .read_to_end(&mut body)
            .map_err(|e| unreachable(&e))?;
        if body.len() as u64 > MAX_RESPONSE {
            return Err(ClientError::BadResponse {
                url,
                reason: format!("answer larger than {} MiB", MAX_RESPONSE >> 20),
            });
        }
        if !(200..300).contains(&code) {
            let text = String::from_utf8_lossy(&body);
            let message = serde_json::from_str::<Json>(&text)
                .ok()
                .and_then(|j| j["message"].as_str().map(str::to_string))
                .unwrap_or_else(|| text.chars().take(500).collect());
            return Err(ClientError::Status { url, code, message });
        }
        Ok(body)
    }
}

fn with_params(mut req: minreq::Request, params: &[(&str, String)]) -> minreq::Request {
    for (k, v) in params {
        req = req.with_param(*k, v);
    }
    req
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_must_be_http_urls() {
        assert!(Client::new("localhost:7280").is_err());
        let c = Client::new("http://127.0.0.1:7280/").expect("valid");
        assert_eq!(
            c.url("/api/v1/version"),
            "http://127.0.0.1:7280/api/v1/version"
        );
    }

    #[test]
    fn a_closed_port_is_unreachable_not_a_panic() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let c = Client::new(&format!("http://127.0.0.1:{port}")).expect("valid");
        assert!(matches!(
            c.get("api/v1/version", &[]),
            Err(ClientError::Unreachable { .. })
        ));
    }
}
