package dnnc.plugins.network;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.ref.Reference;

/**
 * The ND4J ops of a dense forward pass, each kept reachable until its native call has returned. ND4J (1.0.0-M2.1)
 * hands a broadcast op's dimension array and a scalar op's scalar to native code as bare pointers after its last
 * use of the op: a garbage collection in between lets ND4J's deallocator free them under the native code, which
 * then reads freed memory (SIGSEGV in sd::DataBuffer::primary: a broker worker with a 2 GB heap died so on a
 * probe-rows thread; lesioned forward passes on four threads under a 256 MB heap with forced collections died
 * so within three minutes). The same ops as INDArray's addiRowVector and muliRowVector and Transforms.relu, on
 * the same dimension, so the same bits.
 */
final class ReachableOps {
    private ReachableOps() {
    }

    /** {@code matrix} (rows x n) plus the n-vector {@code row} on every row, in place. */
    static INDArray addRowVector(INDArray matrix, INDArray row) {
        return broadcast(new BroadcastAddOp(matrix, row, matrix, rowDimension(row)));
    }

    /** {@code matrix} (rows x n) times the n-vector {@code row} on every row, in place. */
    static INDArray mulRowVector(INDArray matrix, INDArray row) {
        return broadcast(new BroadcastMulOp(matrix, row, matrix, rowDimension(row)));
    }

    /** max(x, 0) in place. */
    static INDArray relu(INDArray values) {
        ScalarOp op = new RectifiedLinear(values, values);
        try {
            return Nd4j.getExecutioner().exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    /** The dimension INDArray's row-wise ops broadcast along. */
    private static int rowDimension(INDArray row) {
        return Shape.isRowVectorShape(row.shape()) ? 1 : 0;
    }

    private static INDArray broadcast(BroadcastOp op) {
        try {
            return Nd4j.getExecutioner().exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }
}
