//! The library behind the `aws-constraints` command: the emulator that `serve` runs, usable
//! in-process by tests that drive it with real AWS clients.
//!
//! ```no_run
//! # async fn example() -> std::io::Result<()> {
//! let server = aws_constraints_cli::emulator::Server::bind("127.0.0.1:0".parse().unwrap(), vec![]).await?;
//! println!("http://{}", server.local_addr());
//! server.run(std::future::pending()).await
//! # }
//! ```

pub mod emulator;
pub mod model_files;
pub mod model_server;
pub mod proxy;
