//! Agree and contradict on small stories written for these tests.
