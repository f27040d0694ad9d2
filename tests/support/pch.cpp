// The source gatehouse_test_pch needs to precompile cmake/pch/core.h for the tests.
