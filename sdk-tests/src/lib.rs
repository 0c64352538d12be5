//! What the SDK tests share (`tests/sdk.rs`: the emulator; `tests/protocols.rs`: a server
//! per protocol).

/// A client of `$sdk` (an SDK crate's name) pointed at `$url`: static credentials, region
/// us-east-1, retries off.
#[macro_export]
macro_rules! client {
    ($sdk:ident, $url:expr) => {{
        use $sdk::config::{BehaviorVersion, Credentials, Region};
        let config = $sdk::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new("AKIDTEST", "secret", None, None, "test"))
            .endpoint_url($url)
            .retry_config($sdk::config::retry::RetryConfig::disabled())
            .build();
        $sdk::Client::from_conf(config)
    }};
}
