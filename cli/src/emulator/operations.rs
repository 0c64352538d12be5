//! What each operation does to the emulator's state, with the seeds' idempotency rules:
//!
//! * a client token seen before with the same parameters returns the first result; with
//!   different parameters it fails (CreateAppInstance, CreateApplication,
//!   ReplicateInstance);
//! * CreateApplication and CreateSchema names are unique; CreateThing with an existing name
//!   succeeds when the configuration is the same and fails with
//!   `ResourceAlreadyExistsException` otherwise;
//! * ReplicateInstance needs an existing Connect instance (`serve --connect-instance ID`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

use aws_constraints_models::appregistry::{
    Application, CreateApplication, CreateApplicationError, CreateApplicationResponse, MessageError,
};
use aws_constraints_models::chime::{
    ChimeError, CreateAppInstance, CreateAppInstanceError, CreateAppInstanceResponse,
};
use aws_constraints_models::clouddirectory::{
    CreateSchema, CreateSchemaError, CreateSchemaResponse, DirectoryError,
};
use aws_constraints_models::connect::{
    ConnectError, ReplicateInstance, ReplicateInstanceError, ReplicateInstanceResponse,
};
use aws_constraints_models::iot::{
    AlreadyExistsError, CreateThing, CreateThingError, CreateThingResponse,
};
use aws_constraints_models::Operation;
use serde_json::Value;

const ACCOUNT: &str = "123456789012";
const REGION: &str = "us-east-1";

/// An operation the emulator can carry out.
pub trait Execute: Operation {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error>;
}

/// Everything the emulator remembers.
pub struct Store {
    seed: u64,
    counter: u64,
    app_instances: HashMap<String, (Value, CreateAppInstanceResponse)>,
    applications: HashMap<String, (Value, CreateApplicationResponse)>,
    application_names: HashSet<String>,
    connect_instances: HashSet<String>,
    replicas: HashMap<String, (Value, ReplicateInstanceResponse)>,
    replica_aliases: HashSet<String>,
    schemas: HashSet<String>,
    things: HashMap<String, (Value, CreateThingResponse)>,
}

impl Store {
    pub fn new(connect_instances: &[String]) -> Store {
        Store {
            seed: std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish(),
            counter: 0,
            app_instances: HashMap::new(),
            applications: HashMap::new(),
            application_names: HashSet::new(),
            connect_instances: connect_instances.iter().cloned().collect(),
            replicas: HashMap::new(),
            replica_aliases: HashSet::new(),
            schemas: HashSet::new(),
            things: HashMap::new(),
        }
    }

    /// 128 fresh pseudo-random bits (splitmix64 over a per-store seed).
    fn random(&mut self) -> u128 {
        let mut next = || {
            self.counter += 1;
            let mut z = self
                .seed
                .wrapping_add(self.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        u128::from(next()) << 64 | u128::from(next())
    }

    fn uuid(&mut self) -> String {
        let hex = format!("{:032x}", self.random());
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }

    /// 26 characters of `[a-z0-9]`, the shape of an AppRegistry id.
    fn base36_id(&mut self) -> String {
        let mut n = self.random();
        (0..26)
            .map(|_| {
                let digit = (n % 36) as u32;
                n /= 36;
                char::from_digit(digit, 36).unwrap_or('0')
            })
            .collect()
    }
}

/// The request's members other than its idempotency token, to compare retries by.
fn parameters<O: Operation>(input: &O::Input) -> Value {
    let mut value = serde_json::to_value(input).unwrap_or(Value::Null);
    if let (Some(token), Some(members)) = (O::IDEMPOTENCY_TOKEN, value.as_object_mut()) {
        members.remove(token);
    }
    value
}

/// The outcome of looking up a client token: the stored answer, a conflict, or new.
enum Retry<T> {
    Same(T),
    Different,
    New,
}

fn retry<T: Clone>(
    seen: &HashMap<String, (Value, T)>,
    token: Option<&String>,
    parameters: &Value,
) -> Retry<T> {
    match token.and_then(|t| seen.get(t)) {
        Some((first, result)) if first == parameters => Retry::Same(result.clone()),
        Some(_) => Retry::Different,
        None => Retry::New,
    }
}

impl Execute for CreateAppInstance {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error> {
        let params = parameters::<Self>(&input);
        let token = input.client_request_token.clone();
        match retry(&store.app_instances, token.as_ref(), &params) {
            Retry::Same(response) => return Ok(response),
            Retry::Different => {
                return Err(CreateAppInstanceError::ConflictException(ChimeError {
                    code: Some("Conflict".to_owned()),
                    message: Some(
                        "The ClientRequestToken was used before with different parameters"
                            .to_owned(),
                    ),
                }))
            }
            Retry::New => {}
        }
        let arn = format!(
            "arn:aws:chime:{REGION}:{ACCOUNT}:app-instance/{}",
            store.uuid()
        );
        let response = CreateAppInstanceResponse {
            app_instance_arn: Some(arn),
        };
        if let Some(token) = token {
            store
                .app_instances
                .insert(token, (params, response.clone()));
        }
        Ok(response)
    }
}

impl Execute for CreateApplication {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error> {
        let params = parameters::<Self>(&input);
        let token = input.client_token.clone();
        let conflict = |message: String| {
            CreateApplicationError::ConflictException(MessageError {
                message: Some(message),
            })
        };
        match retry(&store.applications, token.as_ref(), &params) {
            Retry::Same(response) => return Ok(response),
            Retry::Different => {
                return Err(conflict(
                    "The clientToken was used before with different parameters".to_owned(),
                ))
            }
            Retry::New => {}
        }
        let name = input.name.clone().unwrap_or_default();
        if !store.application_names.insert(name.clone()) {
            return Err(conflict(format!(
                "An application with the name {name} already exists"
            )));
        }
        let id = store.base36_id();
        let now = iso8601_now();
        let response = CreateApplicationResponse {
            application: Some(Application {
                arn: Some(format!(
                    "arn:aws:servicecatalog:{REGION}:{ACCOUNT}:/applications/{id}"
                )),
                id: Some(id),
                name: Some(name),
                description: input.description,
                creation_time: Some(now.clone()),
                last_update_time: Some(now),
                tags: input.tags,
                application_tag: None,
            }),
        };
        if let Some(token) = token {
            store.applications.insert(token, (params, response.clone()));
        }
        Ok(response)
    }
}

impl Execute for ReplicateInstance {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error> {
        let error = |message: String| ConnectError {
            message: Some(message),
            reason: None,
        };
        let params = parameters::<Self>(&input);
        let token = input.client_token.clone();
        match retry(&store.replicas, token.as_ref(), &params) {
            Retry::Same(response) => return Ok(response),
            Retry::Different => {
                return Err(ReplicateInstanceError::ResourceConflictException(error(
                    "The ClientToken was used before with different parameters".to_owned(),
                )))
            }
            Retry::New => {}
        }
        let given = input.instance_id.clone().unwrap_or_default();
        // An ARN or a bare id: the id is what follows `instance/`.
        let id = given
            .rsplit("instance/")
            .next()
            .unwrap_or(&given)
            .to_owned();
        if !store.connect_instances.contains(&id) {
            return Err(ReplicateInstanceError::ResourceNotFoundException(error(
                format!("Instance {id} not found"),
            )));
        }
        let alias = input.replica_alias.clone().unwrap_or_default();
        if !store.replica_aliases.insert(alias) {
            return Err(ReplicateInstanceError::ResourceConflictException(error(
                "The ReplicaAlias is already in use".to_owned(),
            )));
        }
        let region = input.replica_region.clone().unwrap_or_default();
        let response = ReplicateInstanceResponse {
            arn: Some(format!("arn:aws:connect:{region}:{ACCOUNT}:instance/{id}")),
            id: Some(id),
        };
        if let Some(token) = token {
            store.replicas.insert(token, (params, response.clone()));
        }
        Ok(response)
    }
}

impl Execute for CreateSchema {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error> {
        let name = input.name.unwrap_or_default();
        if !store.schemas.insert(name.clone()) {
            return Err(CreateSchemaError::SchemaAlreadyExistsException(
                DirectoryError {
                    message: Some(format!("A schema named {name} already exists")),
                },
            ));
        }
        Ok(CreateSchemaResponse {
            schema_arn: Some(format!(
                "arn:aws:clouddirectory:{REGION}:{ACCOUNT}:schema/development/{name}"
            )),
        })
    }
}

impl Execute for CreateThing {
    fn execute(store: &mut Store, input: Self::Input) -> Result<Self::Output, Self::Error> {
        let name = input.thing_name.clone().unwrap_or_default();
        let configuration = serde_json::to_value(&input).unwrap_or(Value::Null);
        if let Some((existing, response)) = store.things.get(&name) {
            if *existing == configuration {
                return Ok(response.clone());
            }
            return Err(CreateThingError::ResourceAlreadyExistsException(
                AlreadyExistsError {
                    message: Some(format!(
                        "Thing {name} already exists with different configuration"
                    )),
                    resource_id: response.thing_id.clone(),
                    resource_arn: response.thing_arn.clone(),
                },
            ));
        }
        let response = CreateThingResponse {
            thing_arn: Some(format!("arn:aws:iot:{REGION}:{ACCOUNT}:thing/{name}")),
            thing_id: Some(store.uuid()),
            thing_name: Some(name.clone()),
        };
        store.things.insert(name, (configuration, response.clone()));
        Ok(response)
    }
}

/// The current time as ISO 8601 in UTC, `2026-11-23T16:04:05Z`.
fn iso8601_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    use aws_constraints::Timestamp;
    // Only a clock past the year 9999 falls outside `Timestamp`; the epoch stands in then.
    i64::try_from(secs)
        .ok()
        .and_then(|secs| Timestamp::from_epoch(secs, 0))
        .map_or_else(
            || "1970-01-01T00:00:00Z".to_owned(),
            Timestamp::to_date_time,
        )
}
