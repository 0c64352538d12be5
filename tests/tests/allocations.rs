//! Validating a valid value allocates nothing; the count on invalid input is reported.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use aws_constraints::Validate;
use aws_constraints_models::chime::{CreateAppInstanceRequest, Tag};

struct Counting;

thread_local! {
    // Per thread: the tests run side by side, and one's first call (which compiles its
    // patterns) must not count in another's measurement.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: a thread being torn down may still allocate.
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn valid_input_allocates_nothing() {
    let tags = (0..50)
        .map(|i| Tag {
            key: Some(format!("key-{i}")),
            value: Some("value".into()),
        })
        .collect();
    let request = CreateAppInstanceRequest {
        name: Some("😀 app".into()),
        metadata: Some("m".repeat(1024)),
        client_request_token: Some("token-123".into()),
        tags: Some(tags),
    };
    // The first call compiles the patterns, once per call site.
    assert!(request.validate().is_ok());
    assert_eq!(
        allocations_during(|| assert!(request.validate().is_ok())),
        0
    );

    let invalid = CreateAppInstanceRequest {
        client_request_token: Some("!".into()),
        ..request
    };
    // Two violations (too short, and not the pattern): only the violations' vector. A path
    // of up to three segments and an echo of up to 21 bytes are kept inline. (The first
    // invalid call on a thread also makes the buffer echoes are written in.)
    assert!(invalid.validate().is_err());
    let count = allocations_during(|| assert_eq!(invalid.validate().unwrap_err().len(), 2));
    println!("allocations for 2 violations: {count}");
    assert_eq!(count, 1);

    // An echo longer than that is one allocation of its own (once the buffer has grown to
    // write it).
    let long = CreateAppInstanceRequest {
        client_request_token: Some("!".repeat(70)),
        ..invalid
    };
    assert!(long.validate().is_err());
    let count = allocations_during(|| assert_eq!(long.validate().unwrap_err().len(), 2));
    assert_eq!(count, 3);
}

/// Blobs, timestamps, enums, maps and lists of simple members: still nothing allocated on
/// valid input (the grouping of collection members costs nothing until a violation).
#[test]
fn valid_shapes_allocate_nothing() {
    use std::collections::BTreeMap;

    use aws_constraints::{Blob, Timestamp};

    aws_constraints::string_enum! {
        pub enum Mode {
            On = "ON",
            Off = "OFF",
            ..Unknown
        }
    }

    #[derive(Validate)]
    struct Shapes {
        #[len(1, 4096)]
        #[sensitive]
        data: Blob,
        at: Timestamp,
        #[nested]
        mode: Mode,
        #[each(len(1, 8), pattern("[a-z]+"))]
        names: Vec<String>,
        #[keys(len(1, 8))]
        #[values(range(0, 10))]
        weights: BTreeMap<String, u8>,
    }

    let shapes = Shapes {
        data: Blob(vec![1; 100]),
        at: Timestamp::from_epoch(1_398_796_238, 0).unwrap(),
        mode: Mode::On,
        names: vec!["a".into(), "bc".into()],
        weights: BTreeMap::from([("x".into(), 3)]),
    };
    assert!(shapes.validate().is_ok());
    assert_eq!(allocations_during(|| assert!(shapes.validate().is_ok())), 0);
}

/// A violation of a map entry: its key (up to 21 bytes) is kept in its path, which is kept
/// inline; the group AWS reports the map's values in is built once, with its echo of the map.
#[test]
fn a_map_entry_violation_allocates_its_echo_and_its_group() {
    use aws_constraints_models::iot::{AttributePayload, CreateThingRequest};

    let request = CreateThingRequest {
        thing_name: Some("sensor 42".into()),
        attribute_payload: Some(AttributePayload {
            attributes: Some([("room".to_owned(), "lab 3".to_owned())].into()),
            merge: None,
        }),
        ..Default::default()
    };
    assert_eq!(request.validate().unwrap_err().len(), 2);
    // The violations' vector and the group; the echoes (of the name, the value and the
    // whole map) are short enough to be kept inline.
    let count = allocations_during(|| assert_eq!(request.validate().unwrap_err().len(), 2));
    assert_eq!(count, 2);
}
