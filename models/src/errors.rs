//! What every operation's error enum provides, and the macro that declares one.

/// An operation's modeled error.
pub trait ErrorShape: serde::Serialize {
    /// The error's shape name, sent as `X-Amzn-ErrorType`.
    fn name(&self) -> &'static str;
    /// Its HTTP status code.
    fn status(&self) -> u16;
    /// Every variant's name and status, in the seed page's order.
    fn all() -> &'static [(&'static str, u16)];
}

/// Declares an operation's error enum: each variant wraps its body type and has a status.
macro_rules! operation_errors {
    ($(#[$meta:meta])* $name:ident { $($variant:ident($body:ty) = $status:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        pub enum $name {
            $($variant($body),)+
        }

        impl $crate::ErrorShape for $name {
            fn name(&self) -> &'static str {
                match self {
                    $($name::$variant(_) => stringify!($variant),)+
                }
            }

            fn status(&self) -> u16 {
                match self {
                    $($name::$variant(_) => $status,)+
                }
            }

            fn all() -> &'static [(&'static str, u16)] {
                &[$((stringify!($variant), $status)),+]
            }
        }
    };
}

pub(crate) use operation_errors;
