/* test_digest.c: SHA-256 against the FIPS 180-2 test vectors, whole and in pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "digest.h"

static void
test_vectors(void **state)
{
	char hex[DIGEST_HEX_LEN + 1];
	struct digest *dg;
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnop"
	    "nopq";

	(void)state;
	digest_sha256("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a3"
	    "96177a9cb410ff61f20015ad");
	digest_sha256("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4"
	    "649b934ca495991b7852b855");
	/* Fed in pieces, the same as whole. */
	dg = digest_new();
	digest_add(dg, two, 10);
	digest_add(dg, two + 10, strlen(two) - 10);
	digest_finish(dg, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce459"
	    "64ff2167f6ecedd419db06c1");
}

/* FIPS 180-2's million a's, fed in uneven pieces, and a state copied
 * half-way going on apart from the original (digest_dup). */
static void
test_long_and_dup(void **state)
{
	char hex[DIGEST_HEX_LEN + 1], hex2[DIGEST_HEX_LEN + 1];
	static char a[1000000];
	struct digest *dg, *half;
	size_t at, n;

	(void)state;
	memset(a, 'a', sizeof(a));
	digest_sha256(a, sizeof(a), hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48"
	    "a497200e046d39ccc7112cd0");
	dg = digest_new();
	for (at = 0, n = 1; at < sizeof(a); at += n, n = n * 3 % 1000 + 1)
		digest_add(dg, a + at, at + n > sizeof(a) ?
		    sizeof(a) - at : n);
	digest_finish(dg, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48"
	    "a497200e046d39ccc7112cd0");
	dg = digest_new();
	digest_add(dg, "ab", 2);
	half = digest_dup(dg);
	digest_add(dg, "c", 1);
	digest_add(half, "x", 1);
	digest_finish(dg, hex);
	digest_finish(half, hex2);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a3"
	    "96177a9cb410ff61f20015ad");
	digest_sha256("abx", 3, hex);
	assert_string_equal(hex2, hex);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_long_and_dup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
