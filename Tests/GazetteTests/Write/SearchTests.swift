import Foundation
import Testing
@testable import Gazette
