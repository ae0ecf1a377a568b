import Testing
@testable import Gazette
