//! The typed form of a model: what the importer has decided (named types, members, their
//! Rust types and rules, defaults, what is boxed and what must hash), which the importer
//! prints as annotated Rust and the [`Validator`](crate::Validator) runs as it is.
//!
//! Every member's [`Rule`]s are listed in the order the importer writes the attributes, which
//! is the order the derive checks them in; the validator checks them in that same order.

use std::collections::BTreeMap;

/// The shapes an importer run reached, decided.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    /// The service and the version of its API (`Chime SDK Identity 2021-04-20`), when the
    /// model says.
    pub service: Option<String>,
    /// The named types, by Rust name (the order the importer writes them in).
    pub types: BTreeMap<String, NamedType>,
    /// The operations asked for, in the order asked, with their inputs' Rust types.
    pub operations: Vec<Operation>,
    /// The protocols the service speaks, the first the one its clients use first; empty
    /// when the model does not say.
    pub protocols: Vec<Protocol>,
    /// The service shape's name: what `X-Amz-Target` starts with in the awsJson protocols
    /// (`DynamoDB_20120810`; botocore's `targetPrefix`).
    pub service_name: Option<String>,
    /// `@awsQueryCompatible`: a service moved from awsQuery to JSON, whose errors still
    /// carry their query code (`x-amzn-query-error`).
    pub query_compatible: bool,
}

/// An operation and the named type of its input (`None`: it takes none).
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub name: String,
    pub input: Option<String>,
    /// `@http`: its method and URI template (`/things/{thingName}`, `/{Key+}?uploads`).
    pub http: Option<HttpRoute>,
    /// The shape ids of the errors it declares, then its service's
    /// (`smithy.framework#ValidationException`).
    pub errors: Vec<String>,
    /// What the body of its answer holds: what a request's `Accept` must allow.
    pub output_body: Body,
    /// The element restXml's answer holds its output members in: the output structure's
    /// `@xmlName`, else its shape's name (`GetHostedZoneResponse`); `None` when its body
    /// holds no members.
    pub output_xml_root: Option<String>,
}

/// What an HTTP message's body holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Empty,
    /// Members, as the protocol writes a structure.
    Members,
    /// One member's value (`@httpPayload`), with its `@mediaType`.
    Payload {
        kind: PayloadKind,
        media_type: Option<String>,
    },
}

/// The kind of an `@httpPayload` member's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadKind {
    /// Bytes as they are.
    Blob,
    /// A string or string enum, as text.
    Text,
    /// A structure, union or document, as the protocol writes one.
    Document,
}

/// An operation's `@http` trait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRoute {
    pub method: String,
    pub uri: String,
}

/// The protocols of AWS's services, by their Smithy trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protocol {
    AwsJson1_0,
    AwsJson1_1,
    RestJson1,
    AwsQuery,
    Ec2Query,
    RestXml,
    RpcV2Cbor,
}

impl Protocol {
    /// Every protocol, in the order above.
    pub const ALL: [Protocol; 7] = [
        Protocol::AwsJson1_0,
        Protocol::AwsJson1_1,
        Protocol::RestJson1,
        Protocol::AwsQuery,
        Protocol::Ec2Query,
        Protocol::RestXml,
        Protocol::RpcV2Cbor,
    ];

    /// The protocol's trait (`aws.protocols#restJson1`).
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "aws.protocols#awsJson1_0",
            Protocol::AwsJson1_1 => "aws.protocols#awsJson1_1",
            Protocol::RestJson1 => "aws.protocols#restJson1",
            Protocol::AwsQuery => "aws.protocols#awsQuery",
            Protocol::Ec2Query => "aws.protocols#ec2Query",
            Protocol::RestXml => "aws.protocols#restXml",
            Protocol::RpcV2Cbor => "smithy.protocols#rpcv2Cbor",
        }
    }

    /// The protocol a trait id names.
    ///
    /// ```
    /// use aws_constraints_schema::shapes::Protocol;
    /// assert_eq!(Protocol::from_trait_id("aws.protocols#awsQuery"), Some(Protocol::AwsQuery));
    /// assert_eq!(Protocol::from_trait_id("smithy.api#http"), None);
    /// ```
    pub fn from_trait_id(id: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.trait_id() == id)
    }
}

/// How the XML and query protocols name a member (Smithy's XML traits, the member's over
/// its target's).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct XmlNames {
    /// `@xmlName`: its element's (or query key's) name, where it is not the member's.
    pub name: Option<String>,
    /// `@ec2QueryName`: its key in the ec2Query protocol.
    pub ec2_query_name: Option<String>,
    /// `@xmlFlattened`: a list's or map's items without a wrapping element.
    pub flattened: bool,
    /// `@xmlAttribute`: an attribute of its structure's element.
    pub attribute: bool,
    /// A list's items' `@xmlName` (else `member`).
    pub item: Option<String>,
    /// A map's keys' and values' `@xmlName` (else `key` and `value`).
    pub key: Option<String>,
    pub value: Option<String>,
}

/// Where a member of an operation's input travels in an HTTP request (Smithy's HTTP
/// binding traits); the protocols without them carry every member in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Binding {
    Body,
    /// `@httpLabel`: a label of the URI template.
    Label,
    /// `@httpQuery`: the query parameter of that name.
    Query(String),
    /// `@httpQueryParams`: the query parameters no other member takes, as a map.
    QueryParams,
    /// `@httpHeader`: the header of that name.
    Header(String),
    /// `@httpPrefixHeaders`: the headers with that prefix, as a map (the prefix removed).
    PrefixHeaders(String),
    /// `@httpPayload`: the whole body.
    Payload,
}

/// A structure, union or enum of the model, as one Rust type.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedType {
    /// The shape id (`com.amazonaws.iot#CreateThingRequest`).
    pub id: String,
    /// The first paragraph of the shape's documentation, as plain text.
    pub doc: Option<String>,
    pub kind: TypeKind,
    /// What `@error` and its companions say, when the shape is an error.
    pub error: Option<ErrorInfo>,
}

/// An error shape's traits: whose fault it is (`@error`), its HTTP status (`@httpError`),
/// and the code a query-compatible service keeps from its query protocol days
/// (`@awsQueryError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorInfo {
    pub client_fault: bool,
    pub status: Option<u16>,
    pub query_code: Option<String>,
}

/// What a named type is.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Structure(Composite),
    /// One member is set, written as `{"Member": value}`.
    Union(Composite),
    /// A string enum: a value the model does not list is kept and reported.
    StringEnum(Vec<EnumValue<String>>),
    /// An integer enum (`intEnum`).
    IntEnum(Vec<EnumValue<i64>>),
}

/// The members of a structure or union.
#[derive(Clone, Debug, PartialEq)]
pub struct Composite {
    /// `@sensitive` on the shape: nothing below it is ever shown.
    pub sensitive: bool,
    /// Whether the type must be `Eq` and `Hash`: a `@uniqueItems` list holds it, at any
    /// depth.
    pub hashable: bool,
    pub members: Vec<Member>,
    /// The members that are event streams (an operation input's `@streaming` union): their
    /// events travel after the initial request, one message at a time, and are no part of
    /// the document the members describe.
    pub event_streams: Vec<EventStream>,
}

/// A member that is an event stream.
#[derive(Clone, Debug, PartialEq)]
pub struct EventStream {
    /// The member's name in the model.
    pub member: String,
    /// The union of its events (`com.amazonaws.transcribestreaming#AudioStream`).
    pub events: String,
}

/// A value of an enum: the member name it is declared with, and whether it is `@internal`
/// (accepted, never listed in a message).
#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue<V> {
    pub member: String,
    pub value: V,
    pub internal: bool,
}

/// A member of a structure or union.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member's name in the model.
    pub name: String,
    /// Its name on the wire (`@jsonName`, or its name).
    pub wire: String,
    pub doc: Option<String>,
    pub ty: Type,
    /// In the order they are written and checked.
    pub rules: Vec<Rule>,
    /// The model's `@default`, where it applies: the member then is never absent.
    pub default: Option<Default>,
    /// A `@default` outside the member's own `@range` (as the model writes it): it is not
    /// applied, and the member is not required.
    pub default_outside_range: Option<String>,
    /// `@timestampFormat`, where the model says: the member's own, or its list's items'.
    pub timestamp_format: Option<TimestampFormat>,
    /// Where it travels in an HTTP request.
    pub binding: Binding,
    /// `@mediaType` (its own or its target's): a header's JSON written as base64, a
    /// payload's content type.
    pub media_type: Option<String>,
    /// How the XML and query protocols name it.
    pub xml: XmlNames,
    /// What AWS's messages write before its path, where the service's profile says so
    /// (API Gateway's body members: `createRestApiInput`); see
    /// [`Profile::input_path_prefix`](crate::profile::Profile::input_path_prefix).
    pub aws_path_prefix: Option<String>,
}

/// A member's type. `Name` is how it names a named type: its Rust name in a [`Schema`]; a
/// consumer may index them instead ([`Type::map_names`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Type<Name = String> {
    String,
    Boolean,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    /// Bytes, as base64 in JSON.
    Blob,
    Timestamp,
    /// Any JSON; no constraint applies inside it.
    Document,
    /// A named type; `boxed` where it holds itself (a recursive structure's member).
    Named {
        name: Name,
        boxed: bool,
    },
    /// `sparse`: items may be `null`.
    List {
        item: Box<Type<Name>>,
        sparse: bool,
    },
    /// String keys; `sparse`: values may be `null`.
    Map {
        value: Box<Type<Name>>,
        sparse: bool,
    },
}

impl<Name> Type<Name> {
    /// The same type with each named type's name given by `rename` (`None`: it becomes a
    /// [`Type::Document`], what nothing checks).
    pub fn map_names<Other>(&self, rename: &impl Fn(&Name) -> Option<Other>) -> Type<Other> {
        match self {
            Type::String => Type::String,
            Type::Boolean => Type::Boolean,
            Type::Byte => Type::Byte,
            Type::Short => Type::Short,
            Type::Integer => Type::Integer,
            Type::Long => Type::Long,
            Type::Float => Type::Float,
            Type::Double => Type::Double,
            Type::Blob => Type::Blob,
            Type::Timestamp => Type::Timestamp,
            Type::Document => Type::Document,
            Type::Named { name, boxed } => match rename(name) {
                Some(name) => Type::Named {
                    name,
                    boxed: *boxed,
                },
                None => Type::Document,
            },
            Type::List { item, sparse } => Type::List {
                item: Box::new(item.map_names(rename)),
                sparse: *sparse,
            },
            Type::Map { value, sparse } => Type::Map {
                value: Box::new(value.map_names(rename)),
                sparse: *sparse,
            },
        }
    }
}

/// A rule of a member, or of a list's items or a map's keys or values.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// `@required`: only on a member.
    Required,
    /// `@sensitive`: the value is never shown.
    Sensitive,
    /// `@length`.
    Length { min: Option<u64>, max: Option<u64> },
    /// `@pattern`, as the model writes it; `backtracking` where the pattern needs
    /// back-references or look-around that the linear engines cannot run.
    Pattern { source: String, backtracking: bool },
    /// `@range`, its bounds as the model writes them.
    Range {
        min: Option<serde_json::Number>,
        max: Option<serde_json::Number>,
    },
    /// The value set of an enum map key (keys are plain strings).
    OneOf {
        listed: Vec<String>,
        internal: Vec<String>,
    },
    /// `@uniqueItems`: only on a member.
    Unique,
    /// The rules of every item of a list.
    Each(Vec<Rule>),
    /// The rules of every key of a map.
    Keys(Vec<Rule>),
    /// The rules of every value of a map.
    Values(Vec<Rule>),
    /// The value is a named type (or holds them) that validates itself: only on a member.
    Nested,
}

/// A `@default` that the importer applies.
#[derive(Clone, Debug, PartialEq)]
pub enum Default {
    /// The type's zero: `0`, `false`, `""`, an empty list, map or blob.
    Zero,
    /// An enum's value.
    Enum(String),
    /// An integer enum's value.
    IntEnum(i64),
    String(String),
    True,
    Integer(i64),
    /// A float other than positive zero.
    Float(f64),
    /// A timestamp's, since the epoch.
    Timestamp {
        seconds: i64,
        nanos: u32,
    },
    /// A document's: any JSON but `null` (which is no default).
    Document(serde_json::Value),
    /// A blob's bytes, other than none (the model writes them in base64).
    Blob(Vec<u8>),
}

/// How a timestamp member is written, where the model says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Seconds since the epoch: the JSON protocols' default, which only headers, query
    /// strings and labels (written as text) need said.
    EpochSeconds,
    /// RFC 3339 (`date-time`).
    DateTime,
    /// RFC 7231 (`http-date`).
    HttpDate,
}
