$version: "2.0"

// Member, enum and shape names that collide with what every JavaScript object inherits
// (`constructor`, `toString`, `__proto__`, ...), with the runtime helpers of the generated code
// (`hasOwn`, `failType`, `SENSITIVE`, ...), with the local names the emitters use (`value`,
// `path`, `out`, `v1`, ...) and with keywords. Every emitter must give strict TypeScript and
// read, check and copy these members as own properties only.

namespace test.adversarial

use aws.protocols#restJson1

@restJson1
service Adversarial {
    version: "1"
    operations: [Put]
}

@http(method: "POST", uri: "/things/{constructor}")
operation Put {
    input: PutInput
}

structure PutInput {
    @httpLabel
    constructor: String

    @httpHeader("x-to-string")
    toString: String

    @httpQuery("hasOwnProperty")
    hasOwnProperty: Integer

    @required
    __proto__: Inner

    valueOf: Blob

    isPrototypeOf: Things

    propertyIsEnumerable: Lookup

    toLocaleString: Choice

    __defineGetter__: Kind

    __lookupSetter__: Secret

    hasOwn: Inner

    failType: Blob

    isPlainObject: Things

    pointerSegment: Lookup

    SENSITIVE: Secret

    ValidationFailure: Timestamp

    value: Inner

    path: String

    out: Things

    v1: Integer

    k1: String

    item: Inner

    key: Lookup

    class: String

    default: Kind

    in: Boolean

    helpers: hasOwn

    objects: isPlainObject

    local: m1

    items: item

    secrets: SENSITIVE
}

structure Inner {
    @required
    @length(min: 1, max: 3)
    constructor: String

    toString: Inner

    __proto__: Secret

    hasOwnProperty: Blob
}

list Things {
    member: Inner
}

map Lookup {
    @length(min: 1)
    key: String

    value: Inner
}

union Choice {
    constructor: Inner
    __proto__: String
    toString: Blob
    valueOf: Boolean
}

enum Kind {
    constructor
    __proto__
    toString
    hasOwnProperty
}

@sensitive
string Secret

structure hasOwn {
    value: String
}

structure isPlainObject {
    out: String
}

// Named like the locals of the generated functions.
structure m1 {
    constructor: Secret
}

structure item {
    m1: m1
}

// Named like the runtime's sensitive marker.
list SENSITIVE {
    member: m1
}
