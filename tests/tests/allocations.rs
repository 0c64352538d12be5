//! Validating a valid value allocates nothing; the count on invalid input is reported.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use aws_constraints::Validate;
use aws_constraints_models::chime::{CreateAppInstanceRequest, Tag};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    f();
    ALLOCATIONS.load(Ordering::Relaxed) - before
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
    let count = allocations_during(|| assert!(invalid.validate().is_err()));
    assert!(count > 0);
    println!("allocations for 2 violations: {count}");
}
