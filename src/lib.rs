//! Linimasa: a zoomable timeline of regional cyber-diplomacy events, built from folders of news articles.
//!
//! Data flows one way: [`corpus`] (files → articles) → [`extract`] (articles → facts → events) → [`model`] →
//! [`timeline`] (view, ticks, lanes, clusters) → [`scene`] (shapes and text) → [`ui`] (screen) or [`export`]
//! (SVG/PNG).

pub mod bench;
pub mod cli;
pub mod corpus;
pub mod curation;
pub mod eval;
pub mod export;
pub mod extract;
pub mod filter;
pub mod fonts;
pub mod model;
pub mod pipeline;
pub mod scene;
pub mod synth;
pub mod theme;
pub mod timeline;
pub mod ui;

/// mimalloc's `purge_decommits` option (`mi_option_purge_decommits` in mimalloc 3's `mimalloc.h`).
const MI_OPTION_PURGE_DECOMMITS: libmimalloc_sys::mi_option_t = 5;
/// mimalloc's `purge_delay` option (`mi_option_purge_delay`), in milliseconds.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// How long freed memory stays with the program before mimalloc hands it back to the system.
const PURGE_DELAY_MS: std::ffi::c_long = 10_000;

/// For programs that use mimalloc as their allocator (the `linimasa` binary, the developer examples): freed memory
/// that mimalloc hands back to the system is marked reusable (`MADV_FREE`: the system takes it back when it
/// needs it) rather than unmapped. Unmapped memory has to be faulted in and zeroed again on the next allocation,
/// which cost a quarter of the time of opening a large corpus (a load frees and allocates hundreds of megabytes
/// in bursts). And it is handed back after 10 s unused instead of 1 s: a load of a large corpus takes about a
/// second, and memory handed back in the middle of it (transparent huge pages split, then faulted in and zeroed
/// again) made that load up to 40 % slower. Figures in BENCHMARKS.md. Call it first thing in `main`, before any
/// other thread exists.
pub fn tune_allocator() {
    // SAFETY: sets two option values of the allocator (plain stores; mimalloc's option setters are not
    // thread-safe, hence "before any other thread"). Harmless when mimalloc is linked but not the allocator.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DECOMMITS, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_allocator_options_set_are_purge_without_decommit_after_ten_seconds() {
        if std::env::vars_os().any(|(k, _)| k.to_string_lossy().starts_with("MIMALLOC_")) {
            return; // options given by the environment: the defaults below do not hold
        }
        // mimalloc 3's defaults (its `options.c`), in the order of its option enumeration: arena_eager_commit = 2,
        // purge_decommits = 1, purge_delay = 1000 ms. A new mimalloc that renumbers its options fails here.
        // SAFETY: reads option values.
        let (eager, decommits, delay) = unsafe {
            (
                libmimalloc_sys::mi_option_get(4),
                libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DECOMMITS),
                libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY),
            )
        };
        assert_eq!((eager, decommits, delay), (2, 1, 1000));
        super::tune_allocator();
        // SAFETY: as above.
        let (decommits, delay) = unsafe {
            (
                libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DECOMMITS),
                libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY),
            )
        };
        assert_eq!((decommits, delay), (0, super::PURGE_DELAY_MS));
    }
}
