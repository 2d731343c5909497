// The corpus lacks the `smithy.framework` model (Smithy's smithy-validation-model package) that
// the restJson1 validation and rpcv2 protocol tests bind as an error. This stand-in, written
// here from the Smithy documentation, declares those shapes so that references resolve.

export const FRAMEWORK_STANDIN = {
  path: "test/idl/smithy-framework-standin.smithy",
  text: `$version: "2.0"
namespace smithy.framework

@error("client")
structure ValidationException {
    @required
    message: String
    fieldList: ValidationExceptionFieldList
}

list ValidationExceptionFieldList {
    member: ValidationExceptionField
}

structure ValidationExceptionField {
    @required
    path: String
    @required
    message: String
}
`,
};
