package dnnc.plugins.model;

import dnnc.api.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.NoSuchElementException;
import java.util.Random;

/**
 * One epoch of cVAE mini-batches (x, one-hot c, noise eps) in a seeded order. The order and the noise are drawn
 * up front, so a reset replays exactly the same epoch.
 */
final class EpochBatches implements MultiDataSetIterator {
    private final ImageSet images;
    private final int classes;
    private final int batchSize;
    private final int[] order;
    private final INDArray eps;
    private int next;

    EpochBatches(ImageSet images, int classes, int latents, int batchSize, Random random) {
        this.images = images;
        this.classes = classes;
        this.batchSize = batchSize;
        this.order = Batches.shuffled(images.count(), random);
        this.eps = Batches.gaussian(random, images.count(), latents);
    }

    @Override
    public boolean hasNext() {
        return next < images.count();
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public MultiDataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int size = Math.min(num, images.count() - next);
        INDArray[] features = {Batches.pixels(images, order, next, size), Batches.oneHot(images, order, next, size, classes),
                eps.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(next, next + size),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c')};
        next += size;
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[0]);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("the cVAE batches need no preprocessing");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }
}
