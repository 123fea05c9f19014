// A child module for the pool's tests that fails while it loads, before it serves any job: a server
// misconfigured, not a file too complex.
throw new Error('this module cannot load');
